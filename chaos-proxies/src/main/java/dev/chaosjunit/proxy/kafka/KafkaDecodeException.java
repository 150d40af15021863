package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.proxy.protocol.FrameDecodeException;

/** Traffic that is not (or no longer) decodable as Kafka; the session falls back to plain relay. */
final class KafkaDecodeException extends FrameDecodeException {

  private static final long serialVersionUID = 1L;

  KafkaDecodeException(String message) {
    super(message);
  }

  KafkaDecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
