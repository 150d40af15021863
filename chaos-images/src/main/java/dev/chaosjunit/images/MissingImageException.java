package dev.chaosjunit.images;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A local image (selected with {@code -Dchaos.images=local}) is not there, or no Docker engine answers.
 * The message says what to run.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MissingImageException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the problem and the fix. */
  public MissingImageException(String message) {
    super(message);
  }
}
