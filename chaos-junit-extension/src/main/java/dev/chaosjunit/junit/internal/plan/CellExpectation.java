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
 * @param requireFiring whether the cell's fault must fire (by its {@code @Expect}; the matrix's setting still applies)
 */
@API(status = INTERNAL, since = "0.1")
public record CellExpectation(Expectation value, Optional<Duration> within, Optional<Method> check,
    boolean requireFiring) {

  /** {@code ERROR within 5000 ms}. */
  public String describe() {
    return value + within.map(d -> " within " + d.toMillis() + " ms").orElse("")
        + check.map(m -> " (" + m.getName() + ")").orElse("") + (requireFiring ? "" : ", firing not required");
  }
}
