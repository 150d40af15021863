package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.rule.MessageFacts;

/** One gRPC call (an HTTP/2 stream) the proxy has seen open. */
final class Call {

  final int streamId;
  final MessageFacts facts;
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
