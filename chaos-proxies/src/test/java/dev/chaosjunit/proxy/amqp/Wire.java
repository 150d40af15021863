package dev.chaosjunit.proxy.amqp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** AMQP 0-9-1 frames as ISO-8859-1 text, written by hand from the specification, for session tests. */
final class Wire {

  static final String HEADER = "AMQP\0\0\u0009\u0001";

  private final ByteArrayOutputStream payload = new ByteArrayOutputStream();

  private Wire(int classId, int methodId) {
    shortInt(classId).shortInt(methodId);
  }

  static Wire method(int classId, int methodId) {
    return new Wire(classId, methodId);
  }

  Wire shortInt(int value) {
    payload.write(value >> 8);
    payload.write(value);
    return this;
  }

  Wire octet(int value) {
    payload.write(value);
    return this;
  }

  Wire longLong(long value) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      payload.write((int) (value >> shift));
    }
    return this;
  }

  Wire shortString(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    payload.write(bytes.length);
    payload.writeBytes(bytes);
    return this;
  }

  /** The method as a frame on {@code channel}. */
  String on(int channel) {
    return frame(1, channel, payload.toString(StandardCharsets.ISO_8859_1));
  }

  static String frame(int type, int channel, String payload) {
    int size = payload.length();
    return "" + (char) type + (char) (channel >> 8) + (char) (channel & 0xFF)
        + (char) (size >>> 24) + (char) (size >> 16 & 0xFF) + (char) (size >> 8 & 0xFF) + (char) (size & 0xFF)
        + payload + (char) 0xCE;
  }

  static String publish(int channel, String exchange, String routingKey) {
    return method(60, 40).shortInt(0).shortString(exchange).shortString(routingKey).octet(0).on(channel);
  }

  /** A publish or delivery's content: a header with the body size, then the body in frames of {@code split}. */
  static String content(int channel, String body, int split) {
    Wire header = method(60, 0).longLong(body.length()).shortInt(0);
    StringBuilder out = new StringBuilder(frame(2, channel, header.payload.toString(StandardCharsets.ISO_8859_1)));
    for (int i = 0; i < body.length(); i += split) {
      out.append(frame(3, channel, body.substring(i, Math.min(body.length(), i + split))));
    }
    return out.toString();
  }

  static String deliver(int channel, String consumerTag, long deliveryTag, String exchange, String routingKey) {
    return method(60, 60).shortString(consumerTag).longLong(deliveryTag).octet(0).shortString(exchange)
        .shortString(routingKey).on(channel);
  }

  static String consume(int channel, String queue, String consumerTag, boolean noWait) {
    return method(60, 20).shortInt(0).shortString(queue).shortString(consumerTag).octet(noWait ? 0x08 : 0)
        .emptyTable().on(channel);
  }

  private Wire emptyTable() {
    payload.writeBytes(new byte[4]);
    return this;
  }

  static String consumeOk(int channel, String consumerTag) {
    return method(60, 21).shortString(consumerTag).on(channel);
  }

  static String channelOpen(int channel) {
    return method(20, 10).shortString("").on(channel);
  }

  static String close(int channel, int code, String text, int classId, int methodId) {
    return method(channel == 0 ? 10 : 20, channel == 0 ? 50 : 40).shortInt(code).shortString(text)
        .shortInt(classId).shortInt(methodId).on(channel);
  }

  static String closeOk(int channel) {
    return method(channel == 0 ? 10 : 20, channel == 0 ? 51 : 41).on(channel);
  }

  static String confirmSelect(int channel) {
    return method(85, 10).octet(0).on(channel);
  }

  static String ack(int channel, long tag, boolean multiple) {
    return method(60, 80).longLong(tag).octet(multiple ? 1 : 0).on(channel);
  }

  static String nack(int channel, long tag) {
    return method(60, 120).longLong(tag).octet(0).on(channel);
  }

  static String heartbeat() {
    return frame(8, 0, "");
  }
}
