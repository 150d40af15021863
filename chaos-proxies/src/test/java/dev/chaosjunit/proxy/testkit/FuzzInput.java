package dev.chaosjunit.proxy.testkit;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a fuzz input drives a session: the first byte picks the rule set (0 = no rule, else one of the
 * target's sets), then chunks follow, each a header byte (high bit set = the server sent it, the low seven
 * bits = its length minus one) and up to 128 bytes; a chunk cut short by the input's end is fed as it is.
 * The fuzzer thus mutates both the bytes and how TCP cut them, in both directions.
 */
public final class FuzzInput {

  private static final int MAX_CHUNK = 128;

  /** One read of one side. */
  public record Chunk(boolean fromServer, byte[] bytes) {}

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private FuzzInput(int ruleSet) {
    out.write(ruleSet);
  }

  /** A seed that runs with rule set {@code ruleSet} (0 = none). */
  public static FuzzInput seed(int ruleSet) {
    return new FuzzInput(ruleSet);
  }

  /** The client sends {@code bytes}, in chunks of at most {@code size} bytes. */
  public FuzzInput client(byte[] bytes, int size) {
    return add(false, bytes, size);
  }

  /** The client sends {@code bytes}, in chunks of the largest size. */
  public FuzzInput client(byte[] bytes) {
    return client(bytes, MAX_CHUNK);
  }

  /** The server sends {@code bytes}, in chunks of at most {@code size} bytes. */
  public FuzzInput server(byte[] bytes, int size) {
    return add(true, bytes, size);
  }

  /** The server sends {@code bytes}, in chunks of the largest size. */
  public FuzzInput server(byte[] bytes) {
    return server(bytes, MAX_CHUNK);
  }

  /**
   * A seed that runs with rule set {@code ruleSet} and replays {@code reads} as they arrived (see {@link
   * TrafficRecorder}), up to {@code limit} bytes of them.
   */
  static FuzzInput of(int ruleSet, List<Chunk> reads, int limit) {
    FuzzInput input = seed(ruleSet);
    int left = limit;
    for (Chunk read : reads) {
      byte[] bytes = read.bytes().length <= left ? read.bytes() : Arrays.copyOf(read.bytes(), left);
      input.add(read.fromServer(), bytes, MAX_CHUNK);
      left -= bytes.length;
    }
    return input;
  }

  /** The input's bytes. */
  public byte[] bytes() {
    return out.toByteArray();
  }

  private FuzzInput add(boolean fromServer, byte[] bytes, int size) {
    int step = Math.min(size, MAX_CHUNK);
    for (int at = 0; at < bytes.length; at += step) {
      int n = Math.min(step, bytes.length - at);
      out.write((fromServer ? 0x80 : 0) | (n - 1));
      out.write(bytes, at, n);
    }
    return this;
  }

  /** The rule set an input picks among {@code sets} rule sets: 0 for none. */
  static int ruleSet(byte[] input, int sets) {
    return input.length == 0 ? 0 : Byte.toUnsignedInt(input[0]) % (sets + 1);
  }

  /** The chunks of an input, in order. */
  static List<Chunk> chunks(byte[] input) {
    List<Chunk> chunks = new ArrayList<>();
    int at = 1;
    while (at < input.length) {
      int header = Byte.toUnsignedInt(input[at++]);
      int end = Math.min(input.length, at + (header & 0x7f) + 1);
      if (end > at) {
        chunks.add(new Chunk((header & 0x80) != 0, Arrays.copyOfRange(input, at, end)));
      }
      at = end;
    }
    return chunks;
  }
}
