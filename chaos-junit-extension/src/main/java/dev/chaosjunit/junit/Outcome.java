package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.junit.internal.HttpStatuses;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * What a scenario did in one cell: returned a value, threw, or did not return in time.
 *
 * @param kind how it ended
 * @param value the returned value ({@code null} for void or when it did not return)
 * @param error what it threw, {@code null} otherwise
 * @param duration how long it ran (the timeout when it timed out)
 * @param httpStatus the HTTP status of the value, when it is an HTTP response the judge can read: a
 *     {@code java.net.http.HttpResponse}, Spring's {@code ResponseEntity} (what {@code RestTemplate} and
 *     {@code RestClient} return) or {@code HttpStatusCode}, a {@code WebTestClient} result, OkHttp's
 *     {@code Response}, a type a {@link StatusOf} method reads, or any value with a public
 *     {@code statusCode()} or {@code getStatusCode()} returning an {@code int} or a status object
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Outcome(Kind kind, Object value, Throwable error, Duration duration, OptionalInt httpStatus) {

  /** How a scenario ended. */
  public enum Kind { RETURNED, THREW, TIMED_OUT }

  public Outcome {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(httpStatus, "httpStatus");
  }

  /** An outcome whose HTTP status is read from {@code value} by the built-in readers. */
  public Outcome(Kind kind, Object value, Throwable error, Duration duration) {
    this(kind, value, error, duration, HttpStatuses.read(value).status());
  }

  /** Whether it returned normally. */
  public boolean returned() {
    return kind == Kind.RETURNED;
  }

  /** Whether it threw. */
  public boolean threw() {
    return kind == Kind.THREW;
  }

  /** Whether it was abandoned after its timeout. */
  public boolean timedOut() {
    return kind == Kind.TIMED_OUT;
  }

  /** The thrown exception, if any. */
  public Optional<Throwable> exception() {
    return Optional.ofNullable(error);
  }

  /** A one-line summary, e.g. {@code returned [OK] after 12 ms}. */
  public String summary() {
    long ms = duration.toMillis();
    return switch (kind) {
      case RETURNED -> "returned [" + shorten(String.valueOf(value)) + "] after " + ms + " ms";
      case THREW -> "threw " + error.getClass().getName() + ": " + shorten(String.valueOf(error.getMessage()))
          + " after " + ms + " ms";
      case TIMED_OUT -> "did not return within " + ms + " ms";
    };
  }

  private static String shorten(String text) {
    String line = text.replace('\n', ' ');
    return line.length() > 200 ? line.substring(0, 197) + "..." : line;
  }
}
