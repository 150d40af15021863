package dev.chaosjunit.proxy.amqp;

import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** Reads a method's arguments in order, never past the frame's payload. */
final class MethodArgs {

  private final ByteBuf buf;
  private final int end;
  private int at;

  MethodArgs(ByteBuf buf, int from, int end) {
    this.buf = buf;
    this.at = from;
    this.end = end;
  }

  MethodArgs skip(int bytes) {
    require(bytes);
    at += bytes;
    return this;
  }

  int octet() {
    require(1);
    return buf.getUnsignedByte(at++);
  }

  int shortInt() {
    require(2);
    int value = buf.getUnsignedShort(at);
    at += 2;
    return value;
  }

  long longLong() {
    require(8);
    long value = buf.getLong(at);
    at += 8;
    return value;
  }

  String shortString() {
    int length = octet();
    require(length);
    String value = buf.toString(at, length, StandardCharsets.UTF_8);
    at += length;
    return value;
  }

  private void require(int bytes) {
    if (at + bytes > end) {
      throw new FrameDecodeException("method arguments end before their last field");
    }
  }
}
