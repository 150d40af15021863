package dev.chaosjunit.proxy.sql;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** Traffic that does not follow the protocol; a {@link FramedSession} degrades to plain relay. */
@API(status = INTERNAL, since = "0.1")
public final class ProtocolViolation extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ProtocolViolation(String message) {
    super(message);
  }
}
