package dev.chaosjunit.proxy.kafka;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.RequestUtils;
import org.apache.kafka.common.requests.ResponseHeader;

/** Builds and splits Kafka frames the way kafka-clients writes them, for codec tests. */
final class KafkaFrames {

  private KafkaFrames() {}

  static RequestHeader header(ApiKeys api, short version, int correlationId) {
    return new RequestHeader(api, version, "test-client", correlationId);
  }

  static byte[] request(RequestHeader header, ApiMessage body) {
    return sized(RequestUtils.serialize(header.data(), header.headerVersion(), body, header.apiVersion()));
  }

  static byte[] response(RequestHeader request, ApiMessage body) {
    ResponseHeader header = request.toResponseHeader();
    return sized(RequestUtils.serialize(header.data(), header.headerVersion(), body, request.apiVersion()));
  }

  /** Parses the next response frame of {@code bytes} as an answer to {@code request}. */
  static AbstractResponse parse(ByteBuffer frame, RequestHeader request) {
    return AbstractResponse.parseResponse(frame, request);
  }

  /** The frames (payloads without size prefix) in {@code bytes}. */
  static List<ByteBuffer> split(byte[] bytes) {
    List<ByteBuffer> frames = new ArrayList<>();
    ByteBuffer all = ByteBuffer.wrap(bytes);
    while (all.remaining() >= 4) {
      int size = all.getInt();
      ByteBuffer frame = all.slice();
      frame.limit(size);
      frames.add(frame);
      all.position(all.position() + size);
    }
    if (all.hasRemaining()) {
      throw new AssertionError("[" + all.remaining() + "] bytes after the last complete frame");
    }
    return frames;
  }

  private static byte[] sized(ByteBuffer payload) {
    byte[] out = new byte[4 + payload.remaining()];
    ByteBuffer.wrap(out).putInt(payload.remaining()).put(payload);
    return out;
  }
}
