package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What shows that the system noticed a {@link Primitive}, seen at the service's proxy or in its container. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Evidence {
  /**
   * A connection through the service's proxy closed, or could not reach the service: the service went away,
   * or the client gave up (a client timeout shows as the client closing its connection).
   */
  CONNECTION_LOST("a connection through the proxy closed or could not reach the service"),
  /** A connection through the service's proxy was lost and a new one reached the service afterwards. */
  RECONNECTED("a connection through the proxy was lost and a new one reached the service afterwards"),
  /**
   * A new connection through the service's proxy reached it after the apply: the client gave up one it
   * had (a connection to a frozen service does not close, it stays half-closed until the service thaws;
   * a connection stalled at the proxy is not read from, so its close is not seen).
   */
  NEW_CONNECTION("a new connection through the proxy reached the service"),
  /**
   * The service logged that a write to its data directory failed for lack of room (e.g. PostgreSQL's
   * "No space left on device", Redis' short write to its append-only file): it met the full disk.
   */
  SERVICE_LOG("the service logged that its disk is full");

  private final String description;

  Evidence(String description) {
    this.description = description;
  }

  /** A sentence describing the evidence. */
  public String description() {
    return description;
  }
}
