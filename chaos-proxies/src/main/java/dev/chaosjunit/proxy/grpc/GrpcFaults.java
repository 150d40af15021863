package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Http2ErrorCode;
import io.netty.buffer.ByteBuf;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out a rule's action on one call: ends it for the client with a gRPC status or a
 * RST_STREAM while the server's side of the stream is cancelled, delays it, or ends the connection.
 */
final class GrpcFaults {

  /** How a DROP without a mode ends things: this call alone, with RST_STREAM. */
  static final DropMode DEFAULT_DROP = DropMode.RST_STREAM;

  private GrpcFaults() {}

  /** Whether a (request) action ends the whole connection rather than one call. */
  static boolean endsConnection(Action action) {
    return action instanceof Action.Drop drop && drop.modeOr(DEFAULT_DROP) != DropMode.RST_STREAM && !gracefulGoAway(drop);
  }

  /** Whether the action is a GOAWAY with NO_ERROR: the calls in flight finish, the connection stays open. */
  static boolean gracefulGoAway(Action action) {
    return action instanceof Action.Drop drop && drop.mode() == DropMode.GOAWAY && goAwayCode(drop) == Http2ErrorCode.NO_ERROR;
  }

  /** A GOAWAY drop's error code, NO_ERROR unless its {@code code} says otherwise (a RST_STREAM's is CANCEL unless it says otherwise). */
  static Http2ErrorCode goAwayCode(Action.Drop drop) {
    return drop.param("code").map(Http2ErrorCode::of).orElse(Http2ErrorCode.NO_ERROR);
  }

  /**
   * Carries out a DROP, or the answer of an ERROR or RESPOND, on a call whose request the server already
   * has (or, for a DROP that ends the connection, never gets).
   */
  static void apply(Call call, Action action, int lastForwardedStream, StreamDialect dialect, RelayPort port) {
    if (action instanceof Action.Drop drop) {
      drop(call, drop, lastForwardedStream, port);
    } else {
      dialect.answer(call, action, port);
    }
  }

  /**
   * Answers the call with its gRPC status: a trailers-only response when the server has not answered
   * yet ({@code headersSent} false), else trailers after what the server sent.
   */
  static void error(Call call, Action.Error action, boolean headersSent, RelayPort port) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (!headersSent) {
      headers.put(":status", "200");
      headers.put("content-type", "application/grpc");
    }
    headers.put("grpc-status", String.valueOf(GrpcStatus.parse(action.code())));
    headers.put("grpc-message", GrpcStatus.encodeMessage(action.message().isEmpty() ? "injected by chaos-junit" : action.message()));
    port.toClient(Http2Frames.headers(call.streamId, headers, true, port.alloc()));
    cancelOnServer(call, port);
  }

  /**
   * Ends the call or the connection as a DROP's mode says. A GOAWAY names {@code lastForwardedStream}, the
   * last call before this one, so the client retries this call elsewhere: a graceful one (NO_ERROR)
   * cancels this call on the server and leaves the connection to drain, any other code closes it.
   */
  static void drop(Call call, Action.Drop action, int lastForwardedStream, RelayPort port) {
    switch (action.modeOr(DEFAULT_DROP)) {
      case RST_STREAM -> {
        int code = action.param("code").map(Http2ErrorCode::of).orElse(Http2ErrorCode.CANCEL).code();
        port.toClient(Http2Frames.rstStream(call.streamId, code, port.alloc()));
        cancelOnServer(call, port);
      }
      case GOAWAY -> {
        port.toClient(Http2Frames.goAway(lastForwardedStream, goAwayCode(action).code(), port.alloc()));
        if (gracefulGoAway(action)) {
          cancelOnServer(call, port);
        } else {
          port.close();
        }
      }
      default -> port.drop(action.modeOr(DEFAULT_DROP));
    }
  }

  /** Forwards the frames, the first held back by the action's delay (and all after it with it). */
  static void delay(List<ByteBuf> frames, Action.Delay action, RelayPort port, boolean toServer) {
    for (int i = 0; i < frames.size(); i++) {
      ByteBuf frame = frames.get(i);
      if (i == 0 && toServer) {
        port.toServer(frame, action.delay());
      } else if (i == 0) {
        port.toClient(frame, action.delay());
      } else if (toServer) {
        port.toServer(frame);
      } else {
        port.toClient(frame);
      }
    }
  }

  /** Refuses a call the client opened after a graceful GOAWAY that excludes it: it never runs on the server. */
  static void refuse(Call call, RelayPort port) {
    port.toClient(Http2Frames.rstStream(call.streamId, Http2Frames.REFUSED_STREAM, port.alloc()));
    cancelOnServer(call, port);
  }

  static void cancelOnServer(Call call, RelayPort port) {
    call.markFaulted();
    port.toServer(Http2Frames.rstStream(call.streamId, Http2Frames.CANCEL, port.alloc()));
  }
}
