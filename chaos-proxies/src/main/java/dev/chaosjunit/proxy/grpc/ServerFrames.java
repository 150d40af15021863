package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.proxy.rule.ActionSpec;
import dev.chaosjunit.proxy.rule.Direction;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.handler.codec.http2.Http2HeadersDecoder;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The server-to-client half of a gRPC connection: decodes every server header block (keeping the HPACK
 * state the client's decoder mirrors), applies {@code RESPONSE} rules to the server's messages, and drops
 * the late frames of calls the proxy already ended for the client.
 */
final class ServerFrames {

  private final Http2HeadersDecoder decoder = HeaderBlock.decoder();
  private final HeaderBlock block = new HeaderBlock();
  private final Calls calls;
  private final IntSupplier lastForwardedStream;

  ServerFrames(Calls calls, IntSupplier lastForwardedStream) {
    this.calls = calls;
    this.lastForwardedStream = lastForwardedStream;
  }

  void onFrame(Http2Frame frame, RelayPort port) {
    byte type = frame.type;
    if (type == Http2Frame.HEADERS || type == Http2Frame.CONTINUATION || type == Http2Frame.PUSH_PROMISE) {
      if (block.add(frame)) {
        onHeaders(port);
      }
      return;
    }
    Call call = calls.get(frame.streamId);
    if (call != null && call.faulted() && (type == Http2Frame.DATA || type == Http2Frame.RST_STREAM)) {
      drop(frame, port);
      return;
    }
    if (type == Http2Frame.RST_STREAM) {
      calls.remove(frame.streamId);
    }
    if (call != null && type == Http2Frame.DATA && frame.length > 0) {
      onMessage(call, frame, port);
      return;
    }
    port.toClient(frame.bytes);
  }

  private void onHeaders(RelayPort port) {
    Http2Frame first = block.first();
    block.decode(decoder, port.alloc());
    boolean endStream = first.type == Http2Frame.HEADERS && first.has(Http2Frame.END_STREAM);
    block.take().forEach(port::toClient);
    if (endStream) {
      calls.remove(first.streamId);
    }
  }

  private void onMessage(Call call, Http2Frame frame, RelayPort port) {
    Optional<RuleMatch> match = port.match(Direction.RESPONSE, call.facts);
    ActionSpec action = match.map(RuleMatch::action).orElse(null);
    if (action == null || action.type() == ActionSpec.Type.DELAY) {
      if (action == null) {
        port.toClient(frame.bytes);
      } else {
        GrpcFaults.delay(List.of(frame.bytes), action, port, false);
      }
      return;
    }
    if (action.type() == ActionSpec.Type.ERROR) {
      GrpcFaults.error(call, action, true, port);
    } else if (action.type() == ActionSpec.Type.DROP) {
      GrpcFaults.drop(call, action, lastForwardedStream.getAsInt(), port);
    }
    calls.noteIfFaulted(call);
    drop(frame, port);
  }

  /** Drops a server frame of a call the client no longer hears, giving DATA's window back to the server. */
  private void drop(Http2Frame frame, RelayPort port) {
    if (frame.type == Http2Frame.DATA && frame.length > 0) {
      port.toServer(Http2Frames.windowUpdate(0, frame.length, port.alloc()));
    }
    if (frame.type == Http2Frame.RST_STREAM) {
      calls.remove(frame.streamId);
    }
    frame.bytes.release();
  }

  /** Forwards the frames of a header block being collected, when decoding gives up. */
  void flushHeldBlock(RelayPort port) {
    block.take().forEach(port::toClient);
  }

  void release() {
    block.release();
  }
}
