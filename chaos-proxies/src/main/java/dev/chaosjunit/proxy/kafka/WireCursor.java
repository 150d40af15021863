package dev.chaosjunit.proxy.kafka;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.Uuid;

/**
 * Reads the fields of one Kafka frame in place, bounds-checked against the frame's end, without
 * copying or decoding what it skips. The walkers that only need a few fields of large messages
 * (topic names of a produce, the tail of a response) use it instead of kafka-clients' decoders.
 */
final class WireCursor {

  private final ByteBuf frame;
  private final int end;
  private final String what;
  private int at;

  /** A cursor at {@code offset} (absolute) of {@code frame}; {@code what} names the message in errors. */
  WireCursor(ByteBuf frame, int offset, String what) {
    this.frame = frame;
    this.at = offset;
    this.end = frame.readerIndex() + frame.readableBytes();
    this.what = what;
  }

  void skip(int n) {
    if (n < 0 || n > end - at) {
      throw new KafkaDecodeException(what + ": field of [" + n + "] bytes runs past the frame's end");
    }
    at += n;
  }

  short int16() {
    skip(2);
    return frame.getShort(at - 2);
  }

  int int32() {
    skip(4);
    return frame.getInt(at - 4);
  }

  Uuid uuid() {
    skip(16);
    return new Uuid(frame.getLong(at - 16), frame.getLong(at - 8));
  }

  /** The byte {@code ahead} bytes past the cursor, which stays where it is. */
  byte peekByte(int ahead) {
    check(ahead, 1);
    return frame.getByte(at + ahead);
  }

  /** The int32 {@code ahead} bytes past the cursor, which stays where it is. */
  int peekInt32(int ahead) {
    check(ahead, 4);
    return frame.getInt(at + ahead);
  }

  private void check(int ahead, int size) {
    if (ahead < 0 || ahead > end - at - size) {
      throw new KafkaDecodeException(what + ": field at [" + ahead + "] bytes ahead runs past the frame's end");
    }
  }

  /** A string of {@code length} bytes (UTF-8) at the cursor; null for a negative length. */
  String string(int length) {
    if (length < 0) {
      return null;
    }
    skip(length);
    return frame.toString(at - length, length, StandardCharsets.UTF_8);
  }

  int unsignedVarint() {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      skip(1);
      byte b = frame.getByte(at - 1);
      value |= (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new KafkaDecodeException(what + ": varint longer than 5 bytes");
  }

  /** Skips a block of tagged fields. */
  void skipTaggedFields() {
    for (int fields = unsignedVarint(); fields > 0; fields--) {
      unsignedVarint();
      skip(unsignedVarint());
    }
  }
}
