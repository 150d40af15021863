package dev.chaosjunit.proxy.amqp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the methods the proxy sends of its own: the closes and close-oks of channels and connections, and
 * publisher confirms.
 */
final class AmqpFrames {

  private AmqpFrames() {}

  /** {@code channel.close}, or {@code connection.close} on channel 0, naming the method that failed. */
  static ByteBuf close(ByteBufAllocator alloc, int channel, int code, String text, int failedMethod) {
    byte[] reply = text.getBytes(StandardCharsets.UTF_8);
    ByteBuf frame = start(alloc, channel, channel == 0 ? Amqp.CONNECTION_CLOSE : Amqp.CHANNEL_CLOSE, 7 + reply.length);
    frame.writeShort(code).writeByte(reply.length).writeBytes(reply);
    frame.writeShort(Amqp.classId(failedMethod)).writeShort(Amqp.methodId(failedMethod));
    return frame.writeByte(Amqp.FRAME_END);
  }

  /** {@code channel.close-ok}. */
  static ByteBuf channelCloseOk(ByteBufAllocator alloc, int channel) {
    return start(alloc, channel, Amqp.CHANNEL_CLOSE_OK, 0).writeByte(Amqp.FRAME_END);
  }

  /** {@code basic.ack} (multiple or not), or {@code basic.nack} of one message without requeue. */
  static ByteBuf confirm(ByteBufAllocator alloc, int channel, Confirms.Confirm confirm) {
    ByteBuf frame = start(alloc, channel, confirm.ack() ? Amqp.BASIC_ACK : Amqp.BASIC_NACK, 9);
    return frame.writeLong(confirm.tag()).writeByte(confirm.multiple() ? 1 : 0).writeByte(Amqp.FRAME_END);
  }

  private static ByteBuf start(ByteBufAllocator alloc, int channel, int method, int argBytes) {
    int payload = 4 + argBytes;
    return alloc.buffer(Amqp.FRAME_OVERHEAD + payload)
        .writeByte(Amqp.METHOD).writeShort(channel).writeInt(payload).writeInt(method);
  }
}
