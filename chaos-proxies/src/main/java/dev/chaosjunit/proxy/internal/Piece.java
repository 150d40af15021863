package dev.chaosjunit.proxy.internal;

import io.netty.buffer.ByteBuf;
import java.util.HashSet;
import java.util.Set;

/** A chunk on its way through a toxic chain: its bytes, when it was read, and the toxics it passed. */
final class Piece {

  final ByteBuf data;
  long timestamp;
  private Set<String> passed;

  private Piece(ByteBuf data, long timestamp, Set<String> passed) {
    this.data = data;
    this.timestamp = timestamp;
    this.passed = passed;
  }

  static Piece of(ByteBuf data, long timestamp) {
    return new Piece(data, timestamp, null);
  }

  int size() {
    return data.readableBytes();
  }

  /** The names of the toxics this piece went through (empty until the first one). */
  Set<String> passed() {
    return passed == null ? Set.of() : passed;
  }

  void pass(String toxic) {
    if (passed == null) {
      passed = new HashSet<>(4);
    }
    passed.add(toxic);
  }

  /** Forgets a toxic, so that its new version applies again. */
  void unpass(String toxic) {
    if (passed != null) {
      passed.remove(toxic);
    }
  }

  /** Takes the first {@code bytes} off this piece into a new one that passed the same toxics. */
  Piece splitFront(long bytes) {
    ByteBuf front = data.readRetainedSlice((int) Math.min(bytes, size()));
    return new Piece(front, timestamp, passed == null ? null : new HashSet<>(passed));
  }

  /** Drops everything past the first {@code bytes}. */
  void truncate(long bytes) {
    data.writerIndex(data.readerIndex() + (int) Math.min(bytes, size()));
  }

  void release() {
    data.release();
  }
}
