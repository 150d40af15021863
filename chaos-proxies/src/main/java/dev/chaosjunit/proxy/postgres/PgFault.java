package dev.chaosjunit.proxy.postgres;

import dev.chaosjunit.fault.Action;
import java.util.Set;

/**
 * An error to inject: what the ErrorResponse says.
 *
 * @param code the SQLSTATE, five characters
 * @param message the primary message
 * @param severity ERROR, FATAL or PANIC
 */
record PgFault(String code, String message, String severity) {

  static final Set<String> SEVERITIES = Set.of("ERROR", "FATAL", "PANIC");
  static final String DEFAULT_MESSAGE = "injected by chaos-junit";

  /** The protocol extra of {@link Action.Error} naming the severity. */
  static final String SEVERITY = "severity";

  static PgFault of(Action.Error error) {
    return new PgFault(
        error.code().isEmpty() ? "XX000" : error.code(),
        error.message().isEmpty() ? DEFAULT_MESSAGE : error.message(),
        error.param(SEVERITY).orElse("ERROR"));
  }

  /** Whether the server would close the connection after sending it. */
  boolean closesConnection() {
    return !"ERROR".equals(severity);
  }
}
