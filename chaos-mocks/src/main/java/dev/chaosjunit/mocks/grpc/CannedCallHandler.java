package dev.chaosjunit.mocks.grpc;

import com.google.protobuf.DynamicMessage;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Serves one method of any kind (unary or streaming): records every request message and, once the
 * client half-closes, writes the reply stubbed at that moment (after its delay, if any).
 */
final class CannedCallHandler implements ServerCallHandler<DynamicMessage, DynamicMessage> {

  private final String method;
  private final Map<String, CannedReply> replies;
  private final Map<String, List<DynamicMessage>> requests;
  private final ScheduledExecutorService timer;

  CannedCallHandler(String method, Map<String, CannedReply> replies,
      Map<String, List<DynamicMessage>> requests, ScheduledExecutorService timer) {
    this.method = method;
    this.replies = replies;
    this.requests = requests;
    this.timer = timer;
  }

  @Override
  public ServerCall.Listener<DynamicMessage> startCall(
      ServerCall<DynamicMessage, DynamicMessage> call, Metadata headers) {
    call.request(1);
    return new ServerCall.Listener<>() {
      @Override
      public void onMessage(DynamicMessage message) {
        requests.get(method).add(message);
        call.request(1);
      }

      @Override
      public void onHalfClose() {
        reply(call);
      }
    };
  }

  private void reply(ServerCall<DynamicMessage, DynamicMessage> call) {
    CannedReply reply = replies.getOrDefault(method, unstubbed());
    if (reply.delay().isZero()) {
      reply.writeTo(call);
    } else {
      timer.schedule(() -> writeUnlessCancelled(reply, call), reply.delay().toNanos(),
          TimeUnit.NANOSECONDS);
    }
  }

  private static void writeUnlessCancelled(
      CannedReply reply, ServerCall<DynamicMessage, DynamicMessage> call) {
    if (!call.isCancelled()) {
      reply.writeTo(call);
    }
  }

  private CannedReply unstubbed() {
    return CannedReply.error(Status.UNIMPLEMENTED.withDescription("chaos-junit GrpcMock has no reply for ["
        + method + "]: stub it with respond(\"" + method + "\", ...) or fail(...)"));
  }
}
