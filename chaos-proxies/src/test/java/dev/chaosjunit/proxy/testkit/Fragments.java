package dev.chaosjunit.proxy.testkit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Splits bytes at seeded random points, the way TCP may; {@link RecordingPort#client} feeds fragments of one
 * size.
 */
public final class Fragments {

  private Fragments() {}

  /** Feeds {@code bytes} in chunks of at most {@code max} bytes (sizes drawn with {@code seed}). */
  public static void feed(byte[] bytes, int max, long seed, Consumer<ByteBuf> sink) {
    for (ByteBuf chunk : split(bytes, max, seed)) {
      sink.accept(chunk);
    }
  }

  private static List<ByteBuf> split(byte[] bytes, int max, long seed) {
    Random random = new Random(seed);
    List<ByteBuf> chunks = new ArrayList<>();
    for (int at = 0; at < bytes.length; ) {
      int size = Math.min(bytes.length - at, 1 + random.nextInt(max));
      ByteBuf chunk = Unpooled.directBuffer(size);
      chunk.writeBytes(bytes, at, size);
      chunks.add(chunk);
      at += size;
    }
    return chunks;
  }
}
