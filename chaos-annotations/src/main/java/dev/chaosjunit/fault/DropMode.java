package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/** How a dropped message is dropped. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum DropMode {
  /** Close the connection cleanly. */
  CLOSE,
  /** Reset the connection (TCP RST). */
  RESET,
  /** Swallow the message and keep the connection open: the client waits. */
  BLACKHOLE;

  /** The parameter value, e.g. {@code close}. */
  public String param() {
    return name().toLowerCase(Locale.ROOT);
  }
}
