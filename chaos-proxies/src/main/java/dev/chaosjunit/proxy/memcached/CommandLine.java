package dev.chaosjunit.proxy.memcached;

import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A command or reply line's words, found without copying: their offsets in the buffer, divided by
 * spaces. Words become strings only when asked for; names and sizes are read from the bytes. One
 * instance per direction of a session, read again for every line.
 */
final class CommandLine {

  private ByteBuf buf;
  private int[] bounds = new int[8];
  private int words;

  /** Reads the line of {@code buf} from {@code start} to {@code end} (exclusive, without its CRLF); returns this. */
  CommandLine read(ByteBuf buf, int start, int end) {
    this.buf = buf;
    words = 0;
    int i = start;
    while (true) {
      while (i < end && buf.getByte(i) == ' ') {
        i++;
      }
      if (i == end) {
        return this;
      }
      if (2 * words == bounds.length) {
        bounds = Arrays.copyOf(bounds, 2 * bounds.length);
      }
      bounds[2 * words] = i;
      while (i < end && buf.getByte(i) != ' ') {
        i++;
      }
      bounds[2 * words++ + 1] = i;
    }
  }

  int words() {
    return words;
  }

  /** Word {@code index}, or the empty string past the last one. */
  String word(int index) {
    return index >= words ? "" : buf.toString(bounds[2 * index], length(index), StandardCharsets.UTF_8);
  }

  /** The one of {@code names} (ASCII) that word {@code index} is, or {@code null} (no string decoded). */
  String known(int index, List<String> names) {
    for (int n = 0; n < names.size(); n++) {
      if (is(index, names.get(n))) {
        return names.get(n);
      }
    }
    return null;
  }

  /** Whether word {@code index} is {@code text} (ASCII). */
  boolean is(int index, String text) {
    if (index >= words || length(index) != text.length()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (buf.getByte(bounds[2 * index] + i) != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The first byte of word {@code index}. */
  byte first(int index) {
    return buf.getByte(bounds[2 * index]);
  }

  /** Copies word {@code index} as it was sent to {@code out}. */
  void copy(int index, ByteBuf out) {
    out.writeBytes(buf, bounds[2 * index], length(index));
  }

  /** Word {@code index} as a size of 0..{@code max} bytes; {@code what} names it in errors, after {@code name}. */
  int size(int index, long max, String name, String what) {
    long size = 0;
    for (int i = bounds[2 * index]; i < bounds[2 * index + 1] && size <= max; i++) {
      byte b = buf.getByte(i);
      if (b < '0' || b > '9') {
        throw new FrameDecodeException(name + " " + what + " [" + abbreviate(word(index)) + "] is not a number");
      }
      size = size * 10 + (b - '0');
    }
    if (index >= words || size > max) {
      throw new FrameDecodeException(name + " " + what + " [" + abbreviate(word(index)) + "] is not a size of 0.." + max);
    }
    return (int) size;
  }

  private int length(int index) {
    return bounds[2 * index + 1] - bounds[2 * index];
  }

  static String abbreviate(String text) {
    return text.length() <= 20 ? text : text.substring(0, 20) + "...";
  }
}
