package dev.chaosjunit.proxy.nats;

import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * A control line's words, found without copying: the offsets of the first {@link #MAX_WORDS} words
 * divided by spaces or tabs. Words become strings only when asked for; sizes are read from the bytes.
 */
final class ControlLine {

  /** HMSG has the most words: name, subject, sid, reply, header size, total size. */
  private static final int MAX_WORDS = 6;

  private final ByteBuf buf;
  private final int end;
  private final int[] bounds = new int[2 * MAX_WORDS];
  private int words;
  private boolean more;

  ControlLine(ByteBuf buf, int start, int end) {
    this.buf = buf;
    this.end = end;
    int i = start;
    while (true) {
      while (i < end && space(buf.getByte(i))) {
        i++;
      }
      if (i == end) {
        return;
      }
      if (words == MAX_WORDS) {
        more = true;
        return;
      }
      bounds[2 * words] = i;
      while (i < end && !space(buf.getByte(i))) {
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
    return buf.toString(bounds[2 * index], bounds[2 * index + 1] - bounds[2 * index], StandardCharsets.UTF_8);
  }

  /** Everything after the name (CONNECT's JSON), or the empty string. */
  String rest() {
    return words < 2 ? "" : buf.toString(bounds[2], end - bounds[2], StandardCharsets.UTF_8);
  }

  /** Word {@code index} as a size of 0..{@link NatsOp#MAX_PAYLOAD} bytes. */
  long size(int index, String op) {
    int from = bounds[2 * index];
    int to = bounds[2 * index + 1];
    long size = 0;
    for (int i = from; i < to && size <= NatsOp.MAX_PAYLOAD; i++) {
      byte b = buf.getByte(i);
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
