package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.proxy.protocol.FrameBuffer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.RequestUtils;
import org.apache.kafka.common.requests.ResponseHeader;

/** Reads and writes Kafka frames with kafka-clients' own header and message classes. */
final class KafkaWire {

  /** Larger than any frame a Kafka broker or client accepts by default (100 MiB). */
  static final int MAX_FRAME = 512 * 1024 * 1024;

  private KafkaWire() {}

  /**
   * Takes the next frame (a 4-byte size, then that many bytes) off {@code frames} once it is complete,
   * size prefix included, as a buffer the caller owns; else null.
   *
   * @throws KafkaDecodeException when the size is negative or beyond {@link #MAX_FRAME}
   */
  static ByteBuf nextFrame(FrameBuffer frames) {
    if (!frames.need(4)) {
      return null;
    }
    int size = frames.view().getInt(frames.view().readerIndex());
    if (size < 0 || size > MAX_FRAME) {
      throw new KafkaDecodeException("frame size [" + size + "] is not a Kafka frame size");
    }
    return frames.need(4 + size) ? frames.take(4 + size) : null;
  }

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
