package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.protocol.RelayPort;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;

/**
 * The server's frames of delayed streams, each stream on a timer of its own (on the connection's event
 * loop), so a delayed response holds back nothing else. Without an event loop (codec tests) a frame is
 * sent with the port's delay instead, which holds back the whole direction.
 */
final class HeldResponses {

  private final DelayedCalls held = new DelayedCalls(RelayPort::toClient);

  boolean holds(int streamId) {
    return held.holds(streamId);
  }

  /** Holds a frame (taking ownership) behind the stream's held ones, starting the timer ({@code wait} ns) for the first. */
  void add(int streamId, ByteBuf frame, long wait, RelayPort port) {
    if (!held.holds(streamId)) {
      EventExecutor loop = DelayedCalls.eventLoop();
      if (loop == null) {
        port.toClient(frame, Duration.ofNanos(wait));
        return;
      }
      held.hold(streamId, Duration.ofNanos(wait), loop, port);
    }
    held.add(streamId, frame);
  }

  void close() {
    held.close();
  }
}
