package dev.chaosjunit.junit.internal;

import dev.chaosjunit.junit.Expectation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;

/**
 * The expectation of one cell, resolved.
 *
 * @param value what is expected
 * @param within its time budget
 * @param check the predicate method of {@code CUSTOM}
 */
public record CellExpectation(Expectation value, Optional<Duration> within, Optional<Method> check) {

  /** {@code ERROR within 5000 ms}. */
  public String describe() {
    return value + within.map(d -> " within " + d.toMillis() + " ms").orElse("")
        + check.map(m -> " (" + m.getName() + ")").orElse("");
  }
}
