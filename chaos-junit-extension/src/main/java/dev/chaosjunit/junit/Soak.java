package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.junit.internal.run.SoakRunner;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import org.junit.jupiter.api.function.Executable;

/**
 * Runs soaks against the proxies and containers of a {@link ChaosTest} class: a parameter of its test
 * methods. The schedule is drawn from the class's seed, so the same seed runs the same events.
 *
 * <pre>{@code
 * @Test
 * void soak(Soak soak) throws InterruptedException {
 *   SoakPlan plan = new SoakPlan(Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofSeconds(3), 15,
 *       List.of(Fault.on("cache").container().kill(), Fault.on("cache").container().restart()));
 *   soak.run(plan, () -> redis.set("k", "v")).assertWithinBudget();
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Soak {

  private final SoakRunner runner;

  /** Built by the extension. */
  @API(status = INTERNAL, since = "0.1")
  public Soak(SoakRunner runner) {
    this.runner = runner;
  }

  /**
   * Runs {@code plan}: for each scheduled event, applies its fault, calls {@code workload} over and over
   * while it holds, waits for the detection of its primitives, reverts it, and calls the
   * workload until it works again or the recovery ends.
   */
  public SoakResult run(SoakPlan plan, Callable<?> workload) throws InterruptedException {
    return runner.run(plan, workload);
  }

  /**
   * Runs {@code plan} as {@link #run(SoakPlan, Callable)} does, with a workload that returns nothing,
   * e.g. {@code () -> { repository.save(order); }}. A call counts as failed when it throws.
   */
  public SoakResult run(SoakPlan plan, Executable workload) throws InterruptedException {
    return runner.run(plan, () -> {
      try {
        workload.execute();
      } catch (Exception | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new UndeclaredThrowableException(t);
      }
      return null;
    });
  }
}
