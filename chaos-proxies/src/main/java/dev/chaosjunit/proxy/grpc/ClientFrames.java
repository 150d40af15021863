package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersDecoder;
import io.netty.util.concurrent.EventExecutor;
import java.util.List;
import java.util.Optional;

/**
 * The client-to-server half of an HTTP/2 connection: decodes every client header block with one HPACK
 * decoder (so the dynamic table stays in step even for blocks that are only forwarded), opens a call per
 * request, applies {@code REQUEST} rules to it and delays calls as the {@link StreamDialect} says.
 */
final class ClientFrames {

  private final Http2HeadersDecoder decoder = HeaderBlock.decoder();
  private final HeaderBlock block = new HeaderBlock();
  private final DelayedCalls delayed = new DelayedCalls();
  private final Calls calls;
  private final StreamDialect dialect;
  private int lastForwardedStream;
  /** Whether a graceful GOAWAY went to the client: the calls it opens after that are refused. */
  private boolean goneAway;

  ClientFrames(Calls calls, StreamDialect dialect) {
    this.calls = calls;
    this.dialect = dialect;
  }

  /** The highest stream id of a call forwarded to the server (for a GOAWAY's last stream). */
  int lastForwardedStream() {
    return lastForwardedStream;
  }

  /** Notes a call opened outside HTTP/2 framing (the request of an h2c upgrade, stream 1). */
  void opened(Call call) {
    calls.add(call);
    lastForwardedStream = Math.max(lastForwardedStream, call.streamId);
  }

  void onFrame(Http2Frame frame, RelayPort port) {
    if (block.open() && frame.type != Http2Frame.CONTINUATION) {
      throw block.broken(frame);
    }
    if (delayed.holds(frame.streamId)) {
      if (frame.type == Http2Frame.DATA) {
        delayed.add(frame.streamId, frame.bytes);
        return;
      }
      if (frame.type == Http2Frame.HEADERS || frame.type == Http2Frame.RST_STREAM) {
        delayed.release(frame.streamId, port);
      }
    }
    if (frame.type == Http2Frame.HEADERS || frame.type == Http2Frame.CONTINUATION) {
      if (block.add(frame)) {
        onHeaders(port);
      }
      return;
    }
    if (frame.type == Http2Frame.RST_STREAM) {
      calls.remove(frame.streamId);
    }
    port.toServer(frame.bytes);
  }

  private void onHeaders(RelayPort port) {
    int streamId = block.first().streamId;
    Http2Headers headers = block.decode(decoder, port.alloc());
    List<ByteBuf> frames = block.take();
    if (calls.contains(streamId) || headers.path() == null) {
      frames.forEach(port::toServer);
      return;
    }
    Call call = new Call(streamId, dialect.facts(headers));
    calls.add(call);
    if (goneAway) {
      frames.forEach(port::toServer);
      GrpcFaults.refuse(call, port);
      calls.noteIfFaulted(call);
      return;
    }
    Optional<RuleMatch> match = port.match(Direction.UPSTREAM, call.facts);
    Action action = match.map(RuleMatch::action).orElse(null);
    applyToCall(call, frames, action, port);
    if (GrpcFaults.gracefulGoAway(action)) {
      goneAway = true;
    }
    calls.noteIfFaulted(call);
    lastForwardedStream = Math.max(lastForwardedStream, streamId);
  }

  private void applyToCall(Call call, List<ByteBuf> frames, Action action, RelayPort port) {
    if (action instanceof Action.Delay delay) {
      delay(call, frames, delay, port);
      return;
    }
    if (action instanceof Action.Rewrite rewrite) {
      frames.forEach(port::toServer);
      call.rewriteResponse(rewrite);
      return;
    }
    if (GrpcFaults.endsConnection(action)) {
      frames.forEach(ByteBuf::release);
    } else {
      frames.forEach(port::toServer);
    }
    if (action != null) {
      GrpcFaults.apply(call, action, lastForwardedStream, dialect, port);
    }
  }

  /**
   * Holds the call's response (when the dialect says so) or its request messages on a timer of its own,
   * or (without an event loop) the whole direction.
   */
  private void delay(Call call, List<ByteBuf> frames, Action.Delay action, RelayPort port) {
    if (dialect.delaysResponses()) {
      frames.forEach(port::toServer);
      call.holdResponse(action.delay());
      return;
    }
    EventExecutor loop = DelayedCalls.eventLoop();
    if (loop == null) {
      GrpcFaults.delay(frames, action, port, true);
      return;
    }
    frames.forEach(port::toServer);
    delayed.hold(call.streamId, action.delay(), loop, port);
  }

  /** Forwards the frames of a header block being collected, when decoding gives up. */
  void flushHeldBlock(RelayPort port) {
    block.take().forEach(port::toServer);
  }

  void release() {
    block.release();
    delayed.close();
  }
}
