package dev.chaosjunit.proxy.internal;

import io.netty.buffer.ByteBuf;
import java.util.HashSet;
import java.util.Set;

/** A chunk on its way through a toxic chain: its bytes, when it was read, and the toxics it passed. */
final class Piece {

  final ByteBuf data;
  final Set<String> passed;
  long timestamp;

  Piece(ByteBuf data, long timestamp, Set<String> passed) {
    this.data = data;
    this.timestamp = timestamp;
    this.passed = passed;
  }

  static Piece of(ByteBuf data) {
    return new Piece(data, System.nanoTime(), new HashSet<>(2));
  }

  int size() {
    return data.readableBytes();
  }

  /** Takes the first {@code bytes} off this piece into a new one that passed the same toxics. */
  Piece splitFront(long bytes) {
    return new Piece(data.readRetainedSlice((int) Math.min(bytes, size())), timestamp, new HashSet<>(passed));
  }

  /** Drops everything past the first {@code bytes}. */
  void truncate(long bytes) {
    data.writerIndex(data.readerIndex() + (int) Math.min(bytes, size()));
  }

  void release() {
    data.release();
  }
}
