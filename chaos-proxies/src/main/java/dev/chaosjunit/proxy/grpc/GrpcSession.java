package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.proxy.rule.ActionSpec;
import dev.chaosjunit.proxy.rule.Direction;
import dev.chaosjunit.proxy.rule.RuleMatch;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersDecoder;
import io.netty.util.concurrent.EventExecutor;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One proxied gRPC connection (HTTP/2 with prior knowledge): frames both directions, decodes every
 * header block with one HPACK decoder per direction (so the dynamic tables stay in step even for
 * blocks that are only forwarded), and applies the rules to calls (request headers) and to the
 * server's messages (DATA frames). Falls back to plain relay when the traffic is not decodable.
 */
final class GrpcSession implements InspectorSession {

  private static final Logger LOG = LoggerFactory.getLogger(GrpcSession.class);

  private final Http2FrameReader clientFrames = new Http2FrameReader(true);
  private final Http2FrameReader serverFrames = new Http2FrameReader(false);
  private final Http2HeadersDecoder clientDecoder = HeaderBlock.decoder();
  private final HeaderBlock clientBlock = new HeaderBlock();
  private final Calls calls = new Calls();
  private final DelayedCalls delayed = new DelayedCalls();
  private int lastForwardedStream;
  private final ServerFrames server = new ServerFrames(calls, () -> this.lastForwardedStream);
  private boolean relayOnly;

  @Override
  public void onClientData(ByteBuf data, RelayPort port) {
    if (relayOnly) {
      port.toServer(data);
      return;
    }
    try {
      clientFrames.read(data, port.alloc(), port::toServer, frame -> onClientFrame(frame, port));
    } catch (Http2DecodeException e) {
      relayFromNowOn(e, port);
    }
  }

  @Override
  public void onServerData(ByteBuf data, RelayPort port) {
    if (relayOnly) {
      port.toClient(data);
      return;
    }
    try {
      serverFrames.read(data, port.alloc(), port::toClient, frame -> server.onFrame(frame, port));
    } catch (Http2DecodeException e) {
      relayFromNowOn(e, port);
    }
  }

  @Override
  public void onClose() {
    clientFrames.release();
    serverFrames.release();
    clientBlock.release();
    server.release();
    delayed.close();
  }

  private void onClientFrame(Http2Frame frame, RelayPort port) {
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
      if (clientBlock.add(frame)) {
        onClientHeaders(port);
      }
      return;
    }
    if (frame.type == Http2Frame.RST_STREAM) {
      calls.remove(frame.streamId);
    }
    port.toServer(frame.bytes);
  }

  private void onClientHeaders(RelayPort port) {
    int streamId = clientBlock.first().streamId;
    Http2Headers headers = clientBlock.decode(clientDecoder, port.alloc());
    List<ByteBuf> frames = clientBlock.take();
    if (calls.contains(streamId) || headers.path() == null) {
      frames.forEach(port::toServer);
      return;
    }
    Call call = new Call(streamId, CallFacts.of(headers));
    calls.add(call);
    Optional<RuleMatch> match = port.match(Direction.REQUEST, call.facts);
    applyToCall(call, frames, match.map(RuleMatch::action).orElse(null), port);
    calls.noteIfFaulted(call);
    lastForwardedStream = Math.max(lastForwardedStream, streamId);
  }

  private void applyToCall(Call call, List<ByteBuf> frames, ActionSpec action, RelayPort port) {
    ActionSpec.Type type = action == null ? null : action.type();
    if (type == ActionSpec.Type.DELAY) {
      delay(call, frames, action, port);
      return;
    }
    boolean endsConnection = type == ActionSpec.Type.DROP
        && GrpcFaults.dropMode(action) != GrpcFaults.DropMode.RST_STREAM;
    if (endsConnection) {
      frames.forEach(ByteBuf::release);
      GrpcFaults.drop(call, action, lastForwardedStream, port);
      return;
    }
    frames.forEach(port::toServer);
    if (type == ActionSpec.Type.ERROR) {
      GrpcFaults.error(call, action, false, port);
    } else if (type == ActionSpec.Type.DROP) {
      GrpcFaults.drop(call, action, lastForwardedStream, port);
    }
  }

  /** Holds the call's request messages on a timer of its own, or (without an event loop) the whole direction. */
  private void delay(Call call, List<ByteBuf> frames, ActionSpec action, RelayPort port) {
    EventExecutor loop = DelayedCalls.eventLoop();
    if (loop == null) {
      GrpcFaults.delay(frames, action, port, true);
      return;
    }
    frames.forEach(port::toServer);
    delayed.hold(call.streamId, action.delay(), loop, port);
  }

  private void relayFromNowOn(Http2DecodeException e, RelayPort port) {
    LOG.warn("gRPC/HTTP/2 traffic not decodable, relaying bytes from now on: {}", e.getMessage());
    relayOnly = true;
    clientBlock.take().forEach(port::toServer);
    server.flushHeldBlock(port);
    ByteBuf toServer = clientFrames.drain();
    if (toServer != null) {
      port.toServer(toServer);
    }
    ByteBuf toClient = serverFrames.drain();
    if (toClient != null) {
      port.toClient(toClient);
    }
    port.passThrough(e.getMessage());
  }
}
