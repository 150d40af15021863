package dev.chaosjunit.junit.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.internal.Misconfiguration;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The readiness probe of a matrix: a method of the test class polled before each cell until it returns
 * {@code true} (or, when {@code void}, returns at all), for at most {@code timeout}.
 *
 * @param method the probe, taking nothing or a {@code ChaosTopology}, returning {@code boolean} or {@code void}
 * @param timeout how long it may take to succeed
 */
@API(status = INTERNAL, since = "0.1")
public record ReadinessProbe(Method method, Duration timeout) {

  /** The probe {@code spec} names, found in the class hierarchy and checked; empty when it names none. */
  static Optional<ReadinessProbe> of(MatrixSpec spec, Class<?> testClass) {
    if (spec.readiness().isBlank()) {
      return Optional.empty();
    }
    Duration timeout = DurationText.parse(spec.readinessTimeout(), spec.annotation(), spec.element(),
        "readinessTimeout").orElse(Duration.ofSeconds(30));
    for (Class<?> type : Hierarchy.of(testClass)) {
      for (Method method : type.getDeclaredMethods()) {
        if (method.getName().equals(spec.readiness()) && isProbe(method)) {
          method.setAccessible(true);
          return Optional.of(new ReadinessProbe(method, timeout));
        }
      }
    }
    throw Misconfiguration.of(spec.annotation(), spec.element(), "readiness names no probe method ["
        + spec.readiness() + "]", "declare boolean " + spec.readiness() + "() or void " + spec.readiness()
        + "() (optionally taking a ChaosTopology) in the test class");
  }

  private static boolean isProbe(Method method) {
    Class<?>[] params = method.getParameterTypes();
    boolean returns = method.getReturnType() == boolean.class || method.getReturnType() == void.class;
    return returns && (params.length == 0 || (params.length == 1 && params[0] == ChaosTopology.class));
  }

  /** {@code ready()}. */
  public String describe() {
    return method.getName() + "()";
  }
}
