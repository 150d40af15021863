package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.protocol.RelayPort;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server's frames of delayed streams, each stream on a timer of its own (on the connection's event
 * loop), so a delayed response holds back nothing else. Without an event loop (codec tests) a frame is
 * sent with the port's delay instead, which holds back the whole direction.
 */
final class HeldResponses {

  private final Map<Integer, List<ByteBuf>> held = new HashMap<>();
  private boolean closed;

  boolean holds(int streamId) {
    return held.containsKey(streamId);
  }

  /** Holds a frame (taking ownership) behind the stream's held ones, starting the timer ({@code wait} ns) for the first. */
  void add(int streamId, ByteBuf frame, long wait, RelayPort port) {
    List<ByteBuf> frames = held.get(streamId);
    if (frames != null) {
      frames.add(frame);
      return;
    }
    EventExecutor loop = DelayedCalls.eventLoop();
    if (loop == null) {
      port.toClient(frame, Duration.ofNanos(wait));
      return;
    }
    frames = new ArrayList<>();
    frames.add(frame);
    held.put(streamId, frames);
    loop.schedule(() -> release(streamId, port), wait, TimeUnit.NANOSECONDS);
  }

  private void release(int streamId, RelayPort port) {
    List<ByteBuf> frames = held.remove(streamId);
    if (frames == null) {
      return;
    }
    if (closed) {
      frames.forEach(ByteBuf::release);
    } else {
      frames.forEach(port::toClient);
    }
  }

  void close() {
    closed = true;
    held.values().forEach(frames -> frames.forEach(ByteBuf::release));
    held.clear();
  }
}
