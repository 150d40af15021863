package dev.chaosjunit.proxy.kafka;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.function.Consumer;

/**
 * Cuts one direction of a Kafka connection into frames (a 4-byte size, then that many bytes),
 * accumulating partial frames across chunks. Each frame is handed on as a retained buffer, size
 * prefix included; the consumer owns it.
 */
final class FrameReader {

  /** Larger than any frame a Kafka broker or client accepts by default (100 MiB). */
  static final int MAX_FRAME = 512 * 1024 * 1024;

  private ByteBuf pending;

  /**
   * Adds {@code data} (taking ownership) and emits every complete frame.
   *
   * @throws KafkaDecodeException when a size prefix is negative or beyond {@link #MAX_FRAME}
   */
  void read(ByteBuf data, ByteBufAllocator alloc, Consumer<ByteBuf> frames) {
    append(data, alloc);
    while (pending != null && pending.readableBytes() >= 4) {
      int size = pending.getInt(pending.readerIndex());
      if (size < 0 || size > MAX_FRAME) {
        throw new KafkaDecodeException("frame size [" + size + "] is not a Kafka frame size");
      }
      if (pending.readableBytes() < 4 + size) {
        return;
      }
      ByteBuf frame = pending.readRetainedSlice(4 + size);
      releaseIfDrained();
      frames.accept(frame);
    }
  }

  /** Hands back what is held (partial frame bytes), or null. */
  ByteBuf drain() {
    ByteBuf rest = pending;
    pending = null;
    return rest;
  }

  void release() {
    if (pending != null) {
      pending.release();
      pending = null;
    }
  }

  private void append(ByteBuf data, ByteBufAllocator alloc) {
    if (pending == null) {
      pending = data;
      return;
    }
    boolean exclusive = pending.refCnt() == 1 && !pending.isReadOnly();
    if (!exclusive || pending.maxWritableBytes() < data.readableBytes()) {
      ByteBuf grown = alloc.buffer(Math.max(256, 2 * (pending.readableBytes() + data.readableBytes())));
      grown.writeBytes(pending);
      pending.release();
      pending = grown;
    }
    pending.writeBytes(data);
    data.release();
  }

  private void releaseIfDrained() {
    if (pending != null && !pending.isReadable()) {
      pending.release();
      pending = null;
    }
  }
}
