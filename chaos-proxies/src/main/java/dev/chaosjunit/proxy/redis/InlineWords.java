package dev.chaosjunit.proxy.redis;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/** The blank-separated words of an inline command line. */
record InlineWords(int[] offsets, int[] lengths) {

  static InlineWords split(ByteBuf buf, int from, int to) {
    int[] offsets = new int[8];
    int[] lengths = new int[8];
    int count = 0;
    int i = from;
    while (i < to) {
      while (i < to && isBlank(buf.getByte(i))) {
        i++;
      }
      int wordStart = i;
      while (i < to && !isBlank(buf.getByte(i))) {
        i++;
      }
      if (i > wordStart) {
        if (count == offsets.length) {
          offsets = Arrays.copyOf(offsets, count * 2);
          lengths = Arrays.copyOf(lengths, count * 2);
        }
        offsets[count] = wordStart;
        lengths[count++] = i - wordStart;
      }
    }
    return new InlineWords(Arrays.copyOf(offsets, count), Arrays.copyOf(lengths, count));
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t';
  }
}
