package dev.chaosjunit.proxy.kafka;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.function.Consumer;

/**
 * Cuts one direction of a Kafka connection into frames (a 4-byte size, then that many bytes). Each
 * frame is handed on as a retained buffer, size prefix included; the consumer owns it. A frame that
 * lies within one chunk is a slice of it (never copied); only a frame that straddles chunks is
 * gathered into a buffer of its own, from its first byte to its last, and the rest of the chunk that
 * completes it is again cut into slices.
 */
final class FrameReader {

  /** Larger than any frame a Kafka broker or client accepts by default (100 MiB). */
  static final int MAX_FRAME = 512 * 1024 * 1024;

  /** The start of a frame that straddles chunks, or null. */
  private ByteBuf partial;

  /**
   * Takes ownership of {@code data} and emits every frame it completes. When a frame is bad or the
   * consumer throws, the bytes not yet emitted are held for {@link #drain()}.
   *
   * @throws KafkaDecodeException when a size prefix is negative or beyond {@link #MAX_FRAME}
   */
  void read(ByteBuf data, ByteBufAllocator alloc, Consumer<ByteBuf> frames) {
    try {
      if (partial != null) {
        fill(data, frames);
      }
      if (partial == null) {
        cut(data, frames);
      }
    } finally {
      keep(data, alloc);
    }
  }

  /** Emits the frames that lie whole in {@code data}, as slices. */
  private static void cut(ByteBuf data, Consumer<ByteBuf> frames) {
    while (data.readableBytes() >= 4) {
      int length = 4 + size(data);
      if (data.readableBytes() < length) {
        return;
      }
      frames.accept(data.readRetainedSlice(length));
    }
  }

  /** Adds to the straddling frame what of {@code data} belongs to it; emits it when complete. */
  private void fill(ByteBuf data, Consumer<ByteBuf> frames) {
    if (partial.readableBytes() < 4) {
      partial.writeBytes(data, Math.min(4 - partial.readableBytes(), data.readableBytes()));
      if (partial.readableBytes() < 4) {
        return;
      }
    }
    int length = 4 + size(partial);
    partial.writeBytes(data, Math.min(length - partial.readableBytes(), data.readableBytes()));
    if (partial.readableBytes() == length) {
      ByteBuf frame = partial;
      partial = null;
      frames.accept(frame);
    }
  }

  /** Holds what is left of {@code data} (the start of a frame), then releases it. */
  private void keep(ByteBuf data, ByteBufAllocator alloc) {
    if (data.isReadable()) {
      if (partial == null) {
        partial = alloc.buffer(capacityFor(data));
      }
      partial.writeBytes(data);
    }
    data.release();
  }

  /** Room for the whole frame that starts {@code data} when its size is known, up to 1 MiB more than it holds. */
  private static int capacityFor(ByteBuf data) {
    int held = data.readableBytes();
    int size = held >= 4 ? data.getInt(data.readerIndex()) : -1;
    if (size < 0 || size > MAX_FRAME) {
      return Math.max(256, held);
    }
    return Math.min(4 + size, held + (1 << 20));
  }

  private static int size(ByteBuf frame) {
    int size = frame.getInt(frame.readerIndex());
    if (size < 0 || size > MAX_FRAME) {
      throw new KafkaDecodeException("frame size [" + size + "] is not a Kafka frame size");
    }
    return size;
  }

  /** Hands back what is held (partial frame bytes), or null. */
  ByteBuf drain() {
    ByteBuf rest = partial;
    partial = null;
    return rest;
  }

  void release() {
    if (partial != null) {
      partial.release();
      partial = null;
    }
  }
}
