package dev.chaosjunit.proxy.mongo;

import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The little of BSON the inspector reads, at absolute indexes of a buffer and bounds-checked: a
 * document's extent, an element's name and the size of its value, a string value.
 */
final class Bson {

  static final byte STRING = 2;

  private Bson() {}

  /** The end (exclusive) of the document at {@code start}, which must lie within {@code limit}. */
  static int documentEnd(ByteBuf buf, int start, int limit, String what) {
    if (limit - start < 5) {
      throw new FrameDecodeException(what + " is cut short: " + (limit - start) + " bytes left for a document");
    }
    int length = buf.getIntLE(start);
    if (length < 5 || length > limit - start) {
      throw new FrameDecodeException(what + " has a document length [" + length + "] outside 5.." + (limit - start));
    }
    int end = start + length;
    if (buf.getByte(end - 1) != 0) {
      throw new FrameDecodeException(what + " has a document that does not end with a zero byte");
    }
    return end;
  }

  /** The end (exclusive) of the zero-terminated string at {@code start}, its zero included. */
  static int cstringEnd(ByteBuf buf, int start, int limit, String what) {
    int zero = buf.indexOf(start, limit, (byte) 0);
    if (zero < 0) {
      throw new FrameDecodeException(what + " has a name without its terminating zero");
    }
    return zero + 1;
  }

  /**
   * Whether the element name from {@code start} to {@code nameEnd} (the end {@link #cstringEnd} gave, its
   * zero included) is {@code name}.
   */
  static boolean nameIs(ByteBuf buf, int start, int nameEnd, byte[] name) {
    if (nameEnd - 1 - start != name.length) {
      return false;
    }
    for (int i = 0; i < name.length; i++) {
      if (buf.getByte(start + i) != name[i]) {
        return false;
      }
    }
    return true;
  }

  /** The value of the element of {@code type} at {@code start} ends here (exclusive); checked against {@code limit}. */
  static int valueEnd(ByteBuf buf, byte type, int start, int limit, String what) {
    int end = switch (type) {
      case 1, 9, 17, 18 -> start + 8;
      case 2, 13, 14 -> stringEnd(buf, start, limit, what);
      case 3, 4 -> documentEnd(buf, start, limit, what);
      case 5 -> start + 5 + length(buf, start, limit, what);
      case 6, 10, -1, 127 -> start;
      case 7 -> start + 12;
      case 8 -> start + 1;
      case 11 -> cstringEnd(buf, cstringEnd(buf, start, limit, what), limit, what);
      case 12 -> stringEnd(buf, start, limit, what) + 12;
      case 15 -> start + length(buf, start, limit, what);
      case 16 -> start + 4;
      case 19 -> start + 16;
      default -> throw new FrameDecodeException(what + " has an element of unknown BSON type [" + type + "]");
    };
    if (end > limit) {
      throw new FrameDecodeException(what + " has an element of type [" + type + "] running past its document");
    }
    return end;
  }

  /** A string value at {@code start} (its int32 length, then the bytes and a zero). */
  static String string(ByteBuf buf, int start, int limit, String what) {
    int end = stringEnd(buf, start, limit, what);
    return buf.toString(start + 4, end - start - 5, StandardCharsets.UTF_8);
  }

  private static int stringEnd(ByteBuf buf, int start, int limit, String what) {
    int length = length(buf, start, limit, what);
    if (length < 1 || start + 4 + length > limit || buf.getByte(start + 3 + length) != 0) {
      throw new FrameDecodeException(what + " has a string of length [" + length + "] that does not fit or end with zero");
    }
    return start + 4 + length;
  }

  private static int length(ByteBuf buf, int start, int limit, String what) {
    if (limit - start < 4) {
      throw new FrameDecodeException(what + " is cut short inside an element");
    }
    int length = buf.getIntLE(start);
    if (length < 0 || length > limit - start) {
      throw new FrameDecodeException(what + " has a length [" + length + "] outside its document");
    }
    return length;
  }
}
