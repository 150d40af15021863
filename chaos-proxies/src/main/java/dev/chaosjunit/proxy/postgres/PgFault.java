package dev.chaosjunit.proxy.postgres;

import dev.chaosjunit.proxy.rule.ActionSpec;
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

  static PgFault of(ActionSpec action) {
    return new PgFault(
        action.param("code").orElse("XX000"),
        action.param("message").orElse(DEFAULT_MESSAGE),
        action.param("severity").orElse("ERROR"));
  }

  /** Whether the server would close the connection after sending it. */
  boolean closesConnection() {
    return !"ERROR".equals(severity);
  }
}
