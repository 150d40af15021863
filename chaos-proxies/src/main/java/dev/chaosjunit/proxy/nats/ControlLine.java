package dev.chaosjunit.proxy.nats;

import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A control line's words: the line copied once into an array that is reused from line to line (one bulk
 * read instead of a checked read per byte), and the offsets of the first {@link #MAX_WORDS} words
 * divided by spaces or tabs. Words become strings only when asked for; names and sizes are read from the
 * bytes. One instance per direction of a session.
 */
final class ControlLine {

  /** HMSG has the most words: name, subject, sid, reply, header size, total size. */
  private static final int MAX_WORDS = 6;

  private final int[] bounds = new int[2 * MAX_WORDS];
  private byte[] bytes = new byte[128];
  private int length;
  private int words;
  private boolean more;

  /** Reads the line from {@code start} to {@code end} (exclusive, without its CRLF); returns this. */
  ControlLine read(ByteBuf buf, int start, int end) {
    length = end - start;
    if (bytes.length < length) {
      bytes = Arrays.copyOf(bytes, Math.max(length, 2 * bytes.length));
    }
    buf.getBytes(start, bytes, 0, length);
    words = 0;
    more = false;
    int i = 0;
    while (true) {
      while (i < length && space(bytes[i])) {
        i++;
      }
      if (i == length) {
        return this;
      }
      if (words == MAX_WORDS) {
        more = true;
        return this;
      }
      bounds[2 * words] = i;
      while (i < length && !space(bytes[i])) {
        i++;
      }
      bounds[2 * words++ + 1] = i;
    }
  }

  static boolean space(byte b) {
    return b == ' ' || b == '\t';
  }

  /** The number of words, or one more than {@link #MAX_WORDS} when there are more. */
  int words() {
    return more ? MAX_WORDS + 1 : words;
  }

  /** The number of words after the name, for a message. */
  String countText() {
    return more ? "more than " + (MAX_WORDS - 1) : Integer.toString(words - 1);
  }

  /** Word {@code index}; the empty string for an empty line's name. */
  String word(int index) {
    if (index >= words) {
      return "";
    }
    return new String(bytes, bounds[2 * index], bounds[2 * index + 1] - bounds[2 * index], StandardCharsets.UTF_8);
  }

  /** Whether word {@code index} is made of the bytes {@code other}. */
  boolean wordEquals(int index, byte[] other) {
    return index < words && Arrays.equals(bytes, bounds[2 * index], bounds[2 * index + 1], other, 0, other.length);
  }

  /** Word {@code index}'s bytes, a copy; empty for an empty line's name. */
  byte[] wordBytes(int index) {
    return index < words ? Arrays.copyOfRange(bytes, bounds[2 * index], bounds[2 * index + 1]) : new byte[0];
  }

  /** Everything after the name (CONNECT's JSON), or the empty string. */
  String rest() {
    return words < 2 ? "" : new String(bytes, bounds[2], length - bounds[2], StandardCharsets.UTF_8);
  }

  /** The longest name {@link #nameKey} packs. */
  static final int MAX_NAME = 7;

  /**
   * The first word packed into a long with its length, ASCII letters upper case, so that an operation's
   * name is found by comparing numbers; 0 for an empty line or a word longer than {@link #MAX_NAME} bytes.
   * The same as {@link #key} of the upper-case name.
   */
  long nameKey() {
    int from = bounds[0];
    int length = words == 0 ? 0 : bounds[1] - from;
    if (length == 0 || length > MAX_NAME) {
      return 0;
    }
    long key = length;
    for (int i = from; i < from + length; i++) {
      byte b = bytes[i];
      key = key << 8 | (upper(b) & 0xff);
    }
    return key;
  }

  /** An ASCII letter in upper case; any other byte as it is. */
  static int upper(byte b) {
    return b >= 'a' && b <= 'z' ? b - ('a' - 'A') : b;
  }

  /** The {@link #nameKey} of an upper-case ASCII name of 1..{@link #MAX_NAME} characters. */
  static long key(String upperName) {
    long key = upperName.length();
    for (int i = 0; i < upperName.length(); i++) {
      key = key << 8 | upperName.charAt(i);
    }
    return key;
  }

  /** Word {@code index} as a size of 0..{@link NatsOp#MAX_PAYLOAD} bytes. */
  long size(int index, String op) {
    int from = bounds[2 * index];
    int to = bounds[2 * index + 1];
    long size = 0;
    for (int i = from; i < to && size <= NatsOp.MAX_PAYLOAD; i++) {
      byte b = bytes[i];
      if (b < '0' || b > '9') {
        throw new FrameDecodeException(op + " has a size [" + NatsOp.abbreviate(word(index)) + "] that is not a number");
      }
      size = size * 10 + (b - '0');
    }
    if (size > NatsOp.MAX_PAYLOAD) {
      throw new FrameDecodeException(op + " has a size [" + NatsOp.abbreviate(word(index)) + "] above " + NatsOp.MAX_PAYLOAD);
    }
    return size;
  }
}
