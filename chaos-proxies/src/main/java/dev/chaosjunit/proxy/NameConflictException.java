package dev.chaosjunit.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** A proxy, toxic or rule of that name exists already (Toxiproxy answers 409). */
@API(status = EXPERIMENTAL, since = "0.1")
public final class NameConflictException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public NameConflictException(String message) {
    super(message);
  }
}
