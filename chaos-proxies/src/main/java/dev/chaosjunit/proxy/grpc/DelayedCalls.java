package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.protocol.RelayPort;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Streams whose frames in one direction are held back for a while, each on its own timer, so a delayed
 * stream does not hold back the other streams of the connection: a gRPC call's request messages (DATA
 * frames only: they carry no HPACK state, so the header blocks of all calls still reach the server in the
 * order they were encoded), or a plain HTTP/2 response ({@link HeldResponses}). The timer runs on the
 * connection's event loop (the thread the session is called on).
 */
final class DelayedCalls {

  private final Map<Integer, List<ByteBuf>> held = new HashMap<>();
  private final BiConsumer<RelayPort, ByteBuf> send;
  private boolean closed;

  /** Frames held toward the server. */
  DelayedCalls() {
    this(RelayPort::toServer);
  }

  /** Frames held toward where {@code send} writes them. */
  DelayedCalls(BiConsumer<RelayPort, ByteBuf> send) {
    this.send = send;
  }

  /** The connection's event loop, or null when the session is not driven by one (codec tests). */
  static EventExecutor eventLoop() {
    return ThreadExecutorMap.currentExecutor();
  }

  /** Starts holding the stream's frames, and releases them after {@code delay}. */
  void hold(int streamId, Duration delay, EventExecutor loop, RelayPort port) {
    held.put(streamId, new ArrayList<>());
    loop.schedule(() -> release(streamId, port), delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Whether the stream's frames are held; asked per frame, so the stream id is not boxed when nothing is held. */
  boolean holds(int streamId) {
    return !held.isEmpty() && held.containsKey(streamId);
  }

  /** Holds a frame of a delayed call (taking ownership). */
  void add(int streamId, ByteBuf frame) {
    held.get(streamId).add(frame);
  }

  /** Sends the call's held frames now (before a frame that must not overtake them). */
  void release(int streamId, RelayPort port) {
    List<ByteBuf> frames = held.remove(streamId);
    if (frames == null) {
      return;
    }
    if (closed) {
      frames.forEach(ByteBuf::release);
    } else {
      frames.forEach(frame -> send.accept(port, frame));
    }
  }

  void close() {
    closed = true;
    held.values().forEach(frames -> frames.forEach(ByteBuf::release));
    held.clear();
  }
}
