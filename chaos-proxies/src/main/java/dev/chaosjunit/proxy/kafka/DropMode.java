package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.proxy.rule.ActionSpec;
import java.util.Locale;

/** How a Kafka DROP action drops: the {@code mode} parameter. */
enum DropMode {
  /** No response to this request; the connection stays up, so the client's request times out (default). */
  TIMEOUT,
  /** Closes the connection. */
  CLOSE,
  /** Resets the connection. */
  RESET,
  /** Discards everything from now on in both directions, keeping the sockets open. */
  BLACKHOLE;

  static DropMode of(ActionSpec action) {
    String mode = action.param("mode").orElse("timeout");
    try {
      return valueOf(mode.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Kafka DROP action: mode [" + mode
          + "] is unknown; use timeout (no response, the default), close, reset or blackhole", e);
    }
  }
}
