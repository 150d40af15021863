package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/** Which way the affected bytes or messages travel (Toxiproxy's stream). */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Stream {
  /** Client to server: requests. */
  UPSTREAM,
  /** Server to client: responses. */
  DOWNSTREAM;

  /** The Toxiproxy name, {@code upstream} or {@code downstream}. */
  public String toxiproxyName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
