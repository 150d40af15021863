package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.proxy.rule.MessageFacts;
import java.time.Duration;

/** One gRPC call or HTTP request (an HTTP/2 stream) the proxy has seen open. */
final class Call {

  final int streamId;
  final MessageFacts facts;
  /** Where the server's messages for this call begin in its DATA frames. */
  final MessageStarts responses = new MessageStarts();
  private boolean faulted;
  /** When a delayed response may go to the client ({@link System#nanoTime()}), or 0 for at once. */
  private long responseDue;
  /** The changes to make to the headers of the server's response, until they are made; or null. */
  private Action.Rewrite responseRewrite;

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

  /** Holds back the server's frames for this stream until {@code delay} from now. */
  void holdResponse(Duration delay) {
    responseDue = System.nanoTime() + delay.toNanos();
  }

  /** How long the server's frames for this stream must still wait, in nanoseconds (0 or less: none). */
  long responseWait() {
    return responseDue == 0 ? 0 : responseDue - System.nanoTime();
  }

  /** Changes the headers of the server's (final) response for this stream as {@code rewrite} says. */
  void rewriteResponse(Action.Rewrite rewrite) {
    responseRewrite = rewrite;
  }

  /** The rewrite still to make to the server's response headers, or null; taken once. */
  Action.Rewrite takeResponseRewrite() {
    Action.Rewrite rewrite = responseRewrite;
    responseRewrite = null;
    return rewrite;
  }
}
