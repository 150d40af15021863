package dev.chaosjunit.proxy.amqp;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The AMQP 0-9-1 error reply codes. A soft error closes the channel ({@code channel.close}), a hard one
 * the connection ({@code connection.close}), as the specification assigns them.
 */
enum ReplyCode {
  CONTENT_TOO_LARGE(311, false),
  NO_ROUTE(312, false),
  NO_CONSUMERS(313, false),
  ACCESS_REFUSED(403, false),
  NOT_FOUND(404, false),
  RESOURCE_LOCKED(405, false),
  PRECONDITION_FAILED(406, false),
  CONNECTION_FORCED(320, true),
  INVALID_PATH(402, true),
  FRAME_ERROR(501, true),
  SYNTAX_ERROR(502, true),
  COMMAND_INVALID(503, true),
  CHANNEL_ERROR(504, true),
  UNEXPECTED_FRAME(505, true),
  RESOURCE_ERROR(506, true),
  NOT_ALLOWED(530, true),
  NOT_IMPLEMENTED(540, true),
  INTERNAL_ERROR(541, true);

  /** What an error rule without a code sends. */
  static final ReplyCode GENERIC = INTERNAL_ERROR;

  private final int code;
  private final boolean closesConnection;

  ReplyCode(int code, boolean closesConnection) {
    this.code = code;
    this.closesConnection = closesConnection;
  }

  int code() {
    return code;
  }

  boolean closesConnection() {
    return closesConnection;
  }

  /** The code an error action's {@code code} names ({@link #GENERIC} when blank), if it is one. */
  static Optional<ReplyCode> of(String text) {
    if (text.isBlank()) {
      return Optional.of(GENERIC);
    }
    return Arrays.stream(values()).filter(c -> Integer.toString(c.code).equals(text.trim())).findFirst();
  }

  /** The reply text when the rule has none, in RabbitMQ's {@code NAME - detail} form. */
  String defaultText() {
    return name() + " - injected by chaos-junit";
  }

  /** Every code, for error messages: {@code 311 CONTENT_TOO_LARGE, ...}. */
  static String listing(boolean connection) {
    return Arrays.stream(values()).filter(c -> c.closesConnection == connection)
        .map(c -> c.code + " " + c.name()).collect(Collectors.joining(", "));
  }
}
