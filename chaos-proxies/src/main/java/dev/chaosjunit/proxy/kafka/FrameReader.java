package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.proxy.internal.PendingBytes;
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

  private final PendingBytes pending = new PendingBytes();

  /**
   * Adds {@code data} (taking ownership) and emits every complete frame.
   *
   * @throws KafkaDecodeException when a size prefix is negative or beyond {@link #MAX_FRAME}
   */
  void read(ByteBuf data, ByteBufAllocator alloc, Consumer<ByteBuf> frames) {
    pending.append(data, alloc);
    while (pending.readableBytes() >= 4) {
      ByteBuf held = pending.peek();
      int size = held.getInt(held.readerIndex());
      if (size < 0 || size > MAX_FRAME) {
        throw new KafkaDecodeException("frame size [" + size + "] is not a Kafka frame size");
      }
      if (pending.readableBytes() < 4 + size) {
        return;
      }
      frames.accept(pending.take(4 + size));
    }
  }

  /** Hands back what is held (partial frame bytes), or null. */
  ByteBuf drain() {
    return pending.drain();
  }

  void release() {
    pending.release();
  }
}
