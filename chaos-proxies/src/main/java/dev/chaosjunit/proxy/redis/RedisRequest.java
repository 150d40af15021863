package dev.chaosjunit.proxy.redis;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One decoded client command: where it lies in the buffer and where its arguments are. Arguments are
 * read from the buffer on demand, so large values are never copied.
 */
final class RedisRequest {

  private final ByteBuf buf;
  private final int start;
  private final int end;
  private final int[] offsets;
  private final int[] lengths;
  private String command;

  RedisRequest(ByteBuf buf, int start, int end, int[] offsets, int[] lengths) {
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.offsets = offsets;
    this.lengths = lengths;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  int argCount() {
    return offsets.length;
  }

  /** An argument as text (UTF-8). */
  String arg(int index) {
    return buf.toString(offsets[index], lengths[index], StandardCharsets.UTF_8);
  }

  /** The command name upper-cased, or "" for an empty inline line. */
  String command() {
    if (command == null) {
      command = offsets.length == 0 ? "" : arg(0).toUpperCase(Locale.ROOT);
    }
    return command;
  }

  /** Whether argument {@code index} exists and equals {@code text}, ignoring case. */
  boolean argIs(int index, String text) {
    return index < offsets.length && arg(index).equalsIgnoreCase(text);
  }
}
