package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The AMQP 0-9-1 error reply codes. A soft error closes the channel ({@code channel.close}), a hard one
 * the connection ({@code connection.close}), as the specification assigns them. An AMQP error rule's
 * {@link Action.Error#code()} is the number, e.g. {@code "404"}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum AmqpReplyCode {
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
  public static final AmqpReplyCode GENERIC = INTERNAL_ERROR;

  private final int code;
  private final boolean closesConnection;

  AmqpReplyCode(int code, boolean closesConnection) {
    this.code = code;
    this.closesConnection = closesConnection;
  }

  /** The number on the wire. */
  public int code() {
    return code;
  }

  /** Whether the error closes the connection rather than the channel. */
  public boolean closesConnection() {
    return closesConnection;
  }

  /** The code an error action's {@code code} names ({@link #GENERIC} when blank), if it is one. */
  public static Optional<AmqpReplyCode> of(String text) {
    if (text.isBlank()) {
      return Optional.of(GENERIC);
    }
    return Arrays.stream(values()).filter(c -> Integer.toString(c.code).equals(text.trim())).findFirst();
  }

  /** The reply text when the rule has none, in RabbitMQ's {@code NAME - detail} form. */
  public String defaultText() {
    return name() + " - injected by chaos-junit";
  }

  /** The channel or the connection codes, for error messages: {@code 311 CONTENT_TOO_LARGE, ...}. */
  public static String listing(boolean connection) {
    return Arrays.stream(values()).filter(c -> c.closesConnection == connection)
        .map(c -> c.code + " " + c.name()).collect(Collectors.joining(", "));
  }
}
