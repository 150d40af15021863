package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.reflect.Method;
import java.net.http.HttpResponse;
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
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Outcome(Kind kind, Object value, Throwable error, Duration duration) {

  /** How a scenario ended. */
  public enum Kind { RETURNED, THREW, TIMED_OUT }

  public Outcome {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(duration, "duration");
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

  /**
   * The HTTP status when the value is an HTTP response: a {@link HttpResponse}, or any object with a
   * public {@code int statusCode()} or {@code int getStatusCode()} method.
   */
  public OptionalInt httpStatus() {
    if (value instanceof HttpResponse<?> response) {
      return OptionalInt.of(response.statusCode());
    }
    return value == null ? OptionalInt.empty() : statusByReflection(value);
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

  private static OptionalInt statusByReflection(Object value) {
    for (Method method : value.getClass().getMethods()) {
      boolean accessor = method.getName().equals("statusCode") || method.getName().equals("getStatusCode");
      if (accessor && method.getParameterCount() == 0 && method.getReturnType() == int.class) {
        return OptionalInt.of(invokeStatus(method, value));
      }
    }
    return OptionalInt.empty();
  }

  private static int invokeStatus(Method method, Object value) {
    try {
      return (int) method.invoke(value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read the HTTP status of [" + value.getClass().getName()
          + "] through " + method.getName() + "(): make the method public or return a HttpResponse", e);
    }
  }

  private static String shorten(String text) {
    String line = text.replace('\n', ' ');
    return line.length() > 200 ? line.substring(0, 197) + "..." : line;
  }
}
