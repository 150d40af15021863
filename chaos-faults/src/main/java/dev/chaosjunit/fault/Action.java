package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a {@link Rule} does to a message it matches. The protocol's inspector says which actions and
 * parameters it supports, and rejects the others when the rule is declared.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface Action permits Action.Error, Action.Delay, Action.Drop, Action.Respond, Action.Rewrite,
    Action.Duplicate {

  /** The action's name in the admin API and in events: {@code error}, {@code delay}, ... */
  String type();

  /** The type and its parameters, e.g. {@code error 53100 "disk full" {severity=FATAL}}. */
  String describe();

  /**
   * Answer with a protocol-correct error instead of the server.
   *
   * @param code the protocol's error code: a SQLSTATE (PostgreSQL), an error number (MySQL), an error
   *     prefix (Redis), a reply code (AMQP), a status (HTTP), an error name (Kafka), a status name (gRPC),
   *     none (NATS, Memcached), an error code (MongoDB); blank = the protocol's generic error
   * @param message the error message; blank = the protocol's default text
   * @param params protocol extras, e.g. {@code severity} (PostgreSQL), {@code sqlstate} and
   *     {@code rollback} (MySQL), {@code header.<Name>} (HTTP), {@code kind}, {@code codeName} and {@code errorLabels} (MongoDB), in a stable order
   */
  record Error(String code, String message, Map<String, String> params) implements Action {
    public Error {
      code = code == null ? "" : code;
      message = message == null ? "" : message;
      params = Checks.ordered(params);
    }

    /** An error without extras. */
    public static Error of(String code, String message) {
      return new Error(code, message, Map.of());
    }

    /** A protocol extra, if set. */
    public Optional<String> param(String name) {
      return Optional.ofNullable(params.get(name));
    }

    @Override
    public String type() {
      return "error";
    }

    @Override
    public String describe() {
      return "error" + (code.isEmpty() ? "" : " " + code) + (message.isEmpty() ? "" : " \"" + message + "\"")
          + (params.isEmpty() ? "" : " " + params);
    }
  }

  /**
   * Hold the message back for {@code delay}, and everything after it in its direction.
   *
   * @param delay non-negative
   */
  record Delay(Duration delay) implements Action {
    public Delay {
      Checks.nonNegative(delay, "delay");
    }

    @Override
    public String type() {
      return "delay";
    }

    @Override
    public String describe() {
      return "delay " + delay.toMillis() + "ms";
    }
  }

  /**
   * Drop the message.
   *
   * @param mode how; {@code null} = the protocol's own way (Kafka: {@link DropMode#TIMEOUT}, gRPC:
   *     {@link DropMode#RST_STREAM}, AMQP and NATS: the message alone, the others: {@link DropMode#CLOSE})
   * @param params extras of modes {@link DropMode#GOAWAY} and {@link DropMode#RST_STREAM} only:
   *     {@code code}, the frame's {@link Http2ErrorCode} (default {@code NO_ERROR} for GOAWAY,
   *     {@code CANCEL} for RST_STREAM); in a stable order
   */
  record Drop(DropMode mode, Map<String, String> params) implements Action {
    public Drop {
      params = Checks.ordered(params);
      if (!params.isEmpty() && mode != DropMode.GOAWAY && mode != DropMode.RST_STREAM) {
        throw new IllegalArgumentException("drop parameters " + params.keySet() + " belong to modes goaway and rst_stream only"
            + " (code = an HTTP/2 error code); drop with mode [" + (mode == null ? "default" : mode.wireName()) + "] takes none");
      }
    }

    /** A GOAWAY or RST_STREAM with an HTTP/2 error code. */
    static Drop http2(DropMode mode, Http2ErrorCode code) {
      if (code == null) {
        throw new IllegalArgumentException(mode.wireName() + " error code must not be null: use an Http2ErrorCode, e.g. "
            + (mode == DropMode.GOAWAY ? "NO_ERROR for a graceful drain" : "CANCEL"));
      }
      return new Drop(mode, Map.of("code", code.name()));
    }

    /** A drop without extras. */
    public Drop(DropMode mode) {
      this(mode, Map.of());
    }

    /** The mode, or the protocol's default when none was chosen. */
    public DropMode modeOr(DropMode protocolDefault) {
      return mode == null ? protocolDefault : mode;
    }

    /** A mode extra, if set. */
    public Optional<String> param(String name) {
      return Optional.ofNullable(params.get(name));
    }

    @Override
    public String type() {
      return "drop";
    }

    @Override
    public String describe() {
      return (mode == null ? "drop" : "drop " + mode.wireName()) + (params.isEmpty() ? "" : " " + params);
    }
  }

  /**
   * Answer with a canned reply instead of the server's, described by protocol-specific parameters (e.g.
   * Redis {@code type}/{@code value}; HTTP {@code code}/{@code message}/{@code header.<Name>}).
   *
   * @param params in a stable order
   */
  record Respond(Map<String, String> params) implements Action {
    public Respond {
      params = Checks.ordered(params);
    }

    /** A parameter, if set. */
    public Optional<String> param(String name) {
      return Optional.ofNullable(params.get(name));
    }

    @Override
    public String type() {
      return "respond";
    }

    @Override
    public String describe() {
      return "respond " + params;
    }
  }

  /**
   * Let the server answer, and change its answer on the way to the client as protocol-specific
   * parameters say (HTTP: {@code header.<Name>} sets a response header, {@code remove} names the headers
   * to take out, comma-separated).
   *
   * @param params in a stable order
   */
  record Rewrite(Map<String, String> params) implements Action {

    /** The prefix of a parameter that sets a header, as in {@link Error}'s and {@link Respond}'s HTTP parameters. */
    public static final String HEADER = "header.";
    /** The parameter naming the headers to remove, comma-separated. */
    public static final String REMOVE = "remove";

    public Rewrite {
      params = Checks.ordered(params);
    }

    /** A parameter, if set. */
    public Optional<String> param(String name) {
      return Optional.ofNullable(params.get(name));
    }

    @Override
    public String type() {
      return "rewrite";
    }

    @Override
    public String describe() {
      return "rewrite " + params;
    }
  }

  /** Send the request twice (e.g. a duplicated Kafka produce). */
  record Duplicate() implements Action {
    @Override
    public String type() {
      return "duplicate";
    }

    @Override
    public String describe() {
      return "duplicate";
    }
  }
}
