package dev.chaosjunit.proxy.amqp;

import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import io.netty.buffer.ByteBuf;

/**
 * The head of the next frame in a buffer: its type, channel and length, checked as far as the head allows.
 *
 * @param type method, header, body or heartbeat
 * @param channel 0 for the connection
 * @param start the frame's first byte in the buffer
 * @param length the whole frame, head and frame-end included
 */
record AmqpFrame(int type, int channel, int start, int length) {

  /** The frame starting at {@code buf}'s reader index, or {@code null} when its head is not all there. */
  static AmqpFrame peek(ByteBuf buf, int readable) {
    if (readable < Amqp.FRAME_HEAD) {
      return null;
    }
    int start = buf.readerIndex();
    int type = buf.getUnsignedByte(start);
    if (type != Amqp.METHOD && type != Amqp.HEADER && type != Amqp.BODY && type != Amqp.HEARTBEAT) {
      throw new FrameDecodeException("frame type [" + type + "] is not method (1), header (2), body (3) or heartbeat (8)");
    }
    long size = buf.getUnsignedInt(start + 3);
    if (size > Amqp.MAX_PAYLOAD) {
      throw new FrameDecodeException("frame size [" + size + "] is above " + Amqp.MAX_PAYLOAD + " bytes");
    }
    return new AmqpFrame(type, buf.getUnsignedShort(start + 1), start, (int) size + Amqp.FRAME_OVERHEAD);
  }

  /** Checks the frame-end octet; the whole frame must be in {@code buf}. */
  void checkEnd(ByteBuf buf) {
    int end = buf.getUnsignedByte(start + length - 1);
    if (end != Amqp.FRAME_END) {
      throw new FrameDecodeException("frame on channel [" + channel + "] ends with [0x" + Integer.toHexString(end)
          + "] instead of the frame-end octet 0xCE");
    }
  }

  /** A method frame's class and method id ({@link Amqp#id}); the whole frame must be in {@code buf}. */
  int method(ByteBuf buf) {
    if (length < Amqp.FRAME_OVERHEAD + 4) {
      throw new FrameDecodeException("method frame on channel [" + channel + "] is too short for a method id");
    }
    return buf.getInt(start + Amqp.FRAME_HEAD);
  }

  /** The method's arguments; the whole frame must be in {@code buf}. */
  MethodArgs args(ByteBuf buf) {
    return new MethodArgs(buf, start + Amqp.FRAME_HEAD + 4, start + length - 1);
  }

  /** A content header's body size; the whole frame must be in {@code buf}. */
  long bodySize(ByteBuf buf) {
    if (length < Amqp.FRAME_OVERHEAD + 14) {
      throw new FrameDecodeException("content header on channel [" + channel + "] is too short for a body size");
    }
    long size = buf.getLong(start + Amqp.FRAME_HEAD + 4);
    if (size < 0) {
      throw new FrameDecodeException("content header on channel [" + channel + "] has body size [" + size + "]");
    }
    return size;
  }

  /** A body frame's payload size. */
  int payload() {
    return length - Amqp.FRAME_OVERHEAD;
  }
}
