package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.rule.MessageFacts;

/** One gRPC call (an HTTP/2 stream) the proxy has seen open. */
final class Call {

  final int streamId;
  final MessageFacts facts;
  /** Where the server's messages for this call begin in its DATA frames. */
  final MessageStarts responses = new MessageStarts();
  private boolean faulted;

  Call(int streamId, MessageFacts facts) {
    this.streamId = streamId;
    this.facts = facts;
  }

  /** Whether the proxy ended this call for the client: the server's frames for it are dropped. */
  boolean faulted() {
    return faulted;
  }

  void markFaulted() {
    faulted = true;
  }
}
