package dev.chaosjunit.proxy.internal;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;

/** What the client sent (and whether it half-closed) before the upstream connection was up. */
final class EarlyInput {

  private final ArrayDeque<ByteBuf> chunks = new ArrayDeque<>();
  private boolean ended;

  void add(ByteBuf chunk) {
    chunks.add(chunk);
  }

  void end() {
    ended = true;
  }

  /** Hands everything to the connection, in order, as if read now. */
  void replay(Connection connection) {
    for (ByteBuf chunk; (chunk = chunks.poll()) != null; ) {
      connection.onRead(true, chunk);
    }
    if (ended) {
      connection.onEnd(true);
    }
  }

  void release() {
    chunks.forEach(ByteBuf::release);
    chunks.clear();
  }
}
