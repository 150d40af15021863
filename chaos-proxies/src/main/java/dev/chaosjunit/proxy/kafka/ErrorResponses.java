package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.fault.Action;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Optional;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.ResponseHeader;

/**
 * Builds the response a broker would send for a request that failed with a given Kafka error: the
 * request's own error response (every topic-partition of it carries the error), in the request's
 * API version and response header version, with its correlation id.
 */
final class ErrorResponses {

  private ErrorResponses() {}

  /** The error named by an ERROR action's code (e.g. NOT_LEADER_OR_FOLLOWER). */
  static Errors error(Action.Error action) {
    String code = action.code();
    try {
      Errors error = Errors.valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
      if (error != Errors.NONE) {
        return error;
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Kafka ERROR action: code [" + code + "] is not a Kafka error name;"
          + " use one of org.apache.kafka.common.protocol.Errors, e.g. NOT_LEADER_OR_FOLLOWER,"
          + " REQUEST_TIMED_OUT, UNKNOWN_TOPIC_OR_PARTITION, COORDINATOR_NOT_AVAILABLE", e);
    }
    throw new IllegalArgumentException("Kafka ERROR action: code [NONE] is not an error;"
        + " use e.g. NOT_LEADER_OR_FOLLOWER or REQUEST_TIMED_OUT");
  }

  /** The exception carrying the error and the action's message, if any. */
  static Throwable cause(Action.Error action) {
    Errors error = error(action);
    return action.message().isEmpty() ? error.exception() : error.exception(action.message());
  }

  /** The error response frame, or empty when the request never gets a response (acks=0 produce). */
  static Optional<ByteBuf> frame(
      RequestHeader header, AbstractRequest request, Action.Error action, ByteBufAllocator alloc) {
    Throwable cause = cause(action);
    AbstractResponse response = request.getErrorResponse(0, cause);
    if (response == null) {
      return Optional.empty();
    }
    ResponseHeader responseHeader = header.toResponseHeader();
    return Optional.of(KafkaWire.response(responseHeader, response.data(), header.apiVersion(), alloc));
  }
}
