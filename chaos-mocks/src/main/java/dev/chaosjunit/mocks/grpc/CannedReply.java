package dev.chaosjunit.mocks.grpc;

import com.google.protobuf.DynamicMessage;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;

/** What the mock answers to one method: response messages then OK, or an error status. */
final class CannedReply {

  private final List<DynamicMessage> messages;
  private final Status status;
  private final Duration delay;

  private CannedReply(List<DynamicMessage> messages, Status status, Duration delay) {
    this.messages = List.copyOf(messages);
    this.status = status;
    this.delay = delay;
  }

  static CannedReply messages(List<DynamicMessage> messages) {
    return new CannedReply(messages, Status.OK, Duration.ZERO);
  }

  static CannedReply error(Status status) {
    return new CannedReply(List.of(), status, Duration.ZERO);
  }

  CannedReply delayedBy(Duration newDelay) {
    return new CannedReply(messages, status, newDelay);
  }

  Duration delay() {
    return delay;
  }

  void writeTo(ServerCall<DynamicMessage, DynamicMessage> call) {
    if (status.isOk()) {
      call.sendHeaders(new Metadata());
      messages.forEach(call::sendMessage);
    }
    call.close(status, new Metadata());
  }
}
