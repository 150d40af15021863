package dev.chaosjunit.junit.internal.run;

import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.Outcome;
import dev.chaosjunit.junit.internal.plan.ReadinessProbe;
import java.time.Duration;

/**
 * Polls a matrix's readiness probe before a cell until it succeeds (returns {@code true}, or returns at
 * all when {@code void}), each attempt under the time left, at most every 100 ms.
 */
final class Readiness {

  private static final Duration PAUSE = Duration.ofMillis(100);

  private Readiness() {}

  /**
   * Returns once the probe succeeded; throws {@link ReadinessTimeoutException} with its last failure when
   * it did not before its timeout.
   */
  static void await(ReadinessProbe probe, ScenarioRunner runner, Object instance, ChaosTopology topology)
      throws InterruptedException {
    long deadline = System.nanoTime() + probe.timeout().toNanos();
    for (int attempt = 1; ; attempt++) {
      Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofMillis(1).toNanos()));
      Outcome outcome = runner.call(probe.method(), instance, topology, left);
      if (outcome.returned() && !Boolean.FALSE.equals(outcome.value())) {
        return;
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new ReadinessTimeoutException("readiness probe " + probe.describe() + " did not succeed within "
            + probe.timeout().toMillis() + " ms (" + attempt + " attempts); its last attempt " + failure(outcome),
            outcome.error());
      }
      Thread.sleep(Math.min(PAUSE.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
    }
  }

  private static String failure(Outcome outcome) {
    return switch (outcome.kind()) {
      case RETURNED -> "returned false";
      case THREW -> "threw " + outcome.error();
      case TIMED_OUT -> "did not return before the deadline";
    };
  }
}
