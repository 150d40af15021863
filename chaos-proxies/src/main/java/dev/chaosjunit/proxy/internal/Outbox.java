package dev.chaosjunit.proxy.internal;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;

/** A flow's queue of what is to be sent, in order, with the bytes it holds. */
final class Outbox {

  private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
  private long bytes;

  void add(Outgoing.Kind kind, ByteBuf data, long notBefore) {
    bytes += data == null ? 0 : data.readableBytes();
    queue.add(new Outgoing(kind, data, notBefore, System.nanoTime()));
  }

  /** The next entry, or null. */
  Outgoing poll() {
    Outgoing next = queue.poll();
    if (next != null && next.data() != null) {
      bytes -= next.data().readableBytes();
    }
    return next;
  }

  long bytes() {
    return bytes;
  }

  void releaseAll() {
    for (Outgoing o; (o = poll()) != null; ) {
      if (o.data() != null) {
        o.data().release();
      }
    }
  }
}
