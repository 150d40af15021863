package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The server-to-client half of a gRPC connection: forwards the server's header blocks as they come,
 * applies {@code RESPONSE} rules to the server's messages (found inside DATA frames by
 * {@link MessageStarts}), and drops the late frames of calls the proxy
 * already ended for the client.
 *
 * <p>Server header blocks are not HPACK-decoded: no rule reads them (calls are matched by their request
 * headers) and they are forwarded unchanged, in order, so the client's decoder stays in step without the
 * proxy tracking the server's dynamic table. A match key on response headers would need a decoder here,
 * fed every block from the start of the connection.
 */
final class ServerFrames implements StreamDialect.ServerHalf {

  /** The stream whose header block is being forwarded (a CONTINUATION is expected next), or 0. */
  private int blockStream;
  private boolean blockEndsStream;
  private final Calls calls;
  private final IntSupplier lastForwardedStream;

  ServerFrames(Calls calls, IntSupplier lastForwardedStream) {
    this.calls = calls;
    this.lastForwardedStream = lastForwardedStream;
  }

  @Override
  public void onFrame(Http2Frame frame, RelayPort port) {
    byte type = frame.type;
    if (type == Http2Frame.HEADERS || type == Http2Frame.CONTINUATION || type == Http2Frame.PUSH_PROMISE) {
      onHeaderFrame(frame, port);
      return;
    }
    if (blockStream != 0) {
      throw broken(frame, port);
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

  /** Forwards a frame of a header block; the call ends with a block whose HEADERS frame has END_STREAM. */
  private void onHeaderFrame(Http2Frame frame, RelayPort port) {
    boolean continuation = frame.type == Http2Frame.CONTINUATION;
    if (continuation != (blockStream != 0) || continuation && frame.streamId != blockStream) {
      throw broken(frame, port);
    }
    if (!continuation) {
      blockStream = frame.streamId;
      blockEndsStream = frame.type == Http2Frame.HEADERS && frame.has(Http2Frame.END_STREAM);
    }
    port.toClient(frame.bytes);
    if (frame.has(Http2Frame.END_HEADERS)) {
      if (blockEndsStream) {
        calls.remove(blockStream);
      }
      blockStream = 0;
    }
  }

  /** Forwards a frame that breaks a header block (server blocks go on as they come) and returns the error. */
  private static Http2DecodeException broken(Http2Frame frame, RelayPort port) {
    port.toClient(frame.bytes);
    return HeaderBlock.brokenBy(frame);
  }

  /**
   * Matches each message that begins in the frame; the first rule that fires acts from that message on.
   * A frame whose firing message is not its first is split: the messages before it go on unchanged.
   */
  private void onMessage(Call call, Http2Frame frame, RelayPort port) {
    ByteBuf data = frame.data();
    for (int start : call.responses.in(data)) {
      Optional<RuleMatch> match = port.match(Direction.DOWNSTREAM, call.facts);
      if (match.isPresent()) {
        fire(call, frame, data, start, match.get().action(), port);
        return;
      }
    }
    port.toClient(frame.bytes);
  }

  private void fire(Call call, Http2Frame frame, ByteBuf data, int start, Action action, RelayPort port) {
    ByteBuf rest = frame.bytes;
    int padding = frame.length - data.readableBytes();
    if (start > 0) {
      port.toClient(Http2Frames.data(call.streamId, data.slice(data.readerIndex(), start), false, port.alloc()));
      rest = Http2Frames.data(call.streamId, data.slice(data.readerIndex() + start, data.readableBytes() - start),
          frame.has(Http2Frame.END_STREAM), port.alloc());
      frame.bytes.release();
    }
    if (action instanceof Action.Delay delay) {
      if (start > 0 && padding > 0) {
        port.toServer(Http2Frames.windowUpdate(0, padding, port.alloc()));
        port.toServer(Http2Frames.windowUpdate(call.streamId, padding, port.alloc()));
      }
      GrpcFaults.delay(List.of(rest), delay, port, false);
      return;
    }
    if (action instanceof Action.Error error) {
      GrpcFaults.error(call, error, true, port);
    } else if (action instanceof Action.Drop drop) {
      GrpcFaults.drop(call, drop, lastForwardedStream.getAsInt(), port);
    }
    calls.noteIfFaulted(call);
    port.toServer(Http2Frames.windowUpdate(0, frame.length - start, port.alloc()));
    rest.release();
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
}
