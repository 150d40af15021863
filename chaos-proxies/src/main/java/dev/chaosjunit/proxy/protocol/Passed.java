package dev.chaosjunit.proxy.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;

/** Buffers to be sent as one, in order: one buffer, or a composite of several (no copy). */
final class Passed {

  private ByteBuf single;
  private CompositeByteBuf several;

  /** Appends {@code data} (takes ownership). */
  void add(ByteBuf data, ByteBufAllocator alloc) {
    if (several != null) {
      several.addComponent(true, data);
    } else if (single == null) {
      single = data;
    } else {
      several = alloc.compositeBuffer(256).addComponent(true, single).addComponent(true, data);
      single = null;
    }
  }

  /** What was added since the last call, owned by the caller, or {@code null}. */
  ByteBuf take() {
    ByteBuf taken = several != null ? several : single;
    several = null;
    single = null;
    return taken;
  }
}
