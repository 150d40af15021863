package dev.chaosjunit.proxy.kafka;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.RequestUtils;
import org.apache.kafka.common.requests.ResponseHeader;

/** Reads and writes Kafka frames with kafka-clients' own header and message classes. */
final class KafkaWire {

  private KafkaWire() {}

  /** The frame's payload (after the size prefix) as a buffer positioned at its first byte. */
  static ByteBuffer payload(ByteBuf frame) {
    return frame.nioBuffer(frame.readerIndex() + 4, frame.readableBytes() - 4);
  }

  /** The correlation id of a response frame (the first field of every response header version). */
  static int responseCorrelationId(ByteBuf frame) {
    if (frame.readableBytes() < 8) {
      throw new KafkaDecodeException("response frame of [" + frame.readableBytes() + "] bytes has no header");
    }
    return frame.getInt(frame.readerIndex() + 4);
  }

  /** Parses a request header, leaving {@code payload} at the request body. */
  static RequestHeader requestHeader(ByteBuffer payload) {
    try {
      return RequestHeader.parse(payload);
    } catch (RuntimeException e) {
      throw new KafkaDecodeException("undecodable request header: " + e.getMessage(), e);
    }
  }

  /** A size-prefixed response frame: {@code header} then {@code body} in the request's versions. */
  static ByteBuf response(ResponseHeader header, ApiMessage body, short version, ByteBufAllocator alloc) {
    ByteBuffer bytes = RequestUtils.serialize(header.data(), header.headerVersion(), body, version);
    ByteBuf frame = alloc.buffer(4 + bytes.remaining());
    frame.writeInt(bytes.remaining());
    frame.writeBytes(bytes);
    return frame;
  }
}
