package dev.chaosjunit.junit.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.junit.Expectation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The expectation of one cell, resolved.
 *
 * @param value what is expected
 * @param within its time budget
 * @param check the predicate method of {@code CUSTOM}
 * @param untouched whether the cell's fault is declared off its scenario's path: it must not fire
 */
@API(status = INTERNAL, since = "0.1")
public record CellExpectation(Expectation value, Optional<Duration> within, Optional<Method> check,
    boolean untouched) {

  /** {@code ERROR within 5000 ms}. */
  public String describe() {
    return value + within.map(d -> " within " + d.toMillis() + " ms").orElse("")
        + check.map(m -> " (" + m.getName() + ")").orElse("") + (untouched ? ", fault untouched" : "");
  }
}
