package dev.chaosjunit.junit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * What a value says about HTTP.
 *
 * @param status the status, if one was read
 * @param source where it was read, e.g. {@code ResponseEntity.getStatusCode()}
 * @param problem why an HTTP-like value could not be read, if it could not
 */
@API(status = INTERNAL, since = "0.1")
public record StatusReading(OptionalInt status, String source, Optional<String> problem) {

  /** A value that is not an HTTP response. */
  public static final StatusReading NONE = new StatusReading(OptionalInt.empty(), "", Optional.empty());

  /** A status read from {@code source}. */
  public static StatusReading of(int status, String source) {
    return new StatusReading(OptionalInt.of(status), source, Optional.empty());
  }

  /** An HTTP-like value whose status could not be read, and why. */
  public static StatusReading unreadable(String source, String problem) {
    return new StatusReading(OptionalInt.empty(), source, Optional.of(problem));
  }
}
