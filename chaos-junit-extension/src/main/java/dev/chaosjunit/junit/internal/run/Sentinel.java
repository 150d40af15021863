package dev.chaosjunit.junit.internal.run;

import dev.chaosjunit.junit.CellEvent;
import dev.chaosjunit.junit.CellEvents;
import dev.chaosjunit.junit.Expectation;
import dev.chaosjunit.junit.Verdict;
import dev.chaosjunit.junit.internal.buggify.Ledger;
import dev.chaosjunit.junit.internal.plan.CellExpectation;
import dev.chaosjunit.junit.internal.plan.CellInvocation;
import dev.chaosjunit.junit.internal.plan.CellPlan;
import dev.chaosjunit.junit.internal.plan.MatrixPlan;
import java.util.List;
import java.util.Optional;

/**
 * The isolation check after a cell ({@code chaos.isolation=check}): once the cell reverted its fault and its
 * method body ran, the proxies and containers must be back at their baseline (no toxic, rule, disabled proxy,
 * connection state of a removed fault, stopped or paused container, proxy pointed elsewhere), and then the
 * cell's scenario, run as its baseline cell {@code scenario × no fault}, must pass without a fault event.
 * Finds the leak of the cell it follows, so the cell that leaked is the one that fails.
 */
final class Sentinel {

  /** The events that show a fault acting, which a baseline run must not have. */
  private static final String[] FAULT_EVENTS = {CellEvent.FAULT_APPLIED, CellEvent.FAULT_FIRED, CellEvent.FAULT_DREW,
      CellEvent.PROXY_DISABLED, CellEvent.UPSTREAM_UNREACHABLE};

  private final TopologyResource proxies;
  private final ScenarioRunner runner;
  private final MatrixPlan matrix;
  private final Ledger assertions;

  Sentinel(TopologyResource proxies, ScenarioRunner runner, MatrixPlan matrix, Ledger assertions) {
    this.proxies = proxies;
    this.runner = runner;
    this.matrix = matrix;
    this.assertions = assertions;
  }

  /**
   * What the invocation left behind, as {@code after cell 'checkout × slowDb': toxic 'slowDb' still on proxy db};
   * empty when the baseline is back and the scenario passes there untouched.
   */
  Optional<String> check(CellInvocation after, Object instance) throws InterruptedException {
    String prefix = "after cell '" + after.cell().name() + "': ";
    proxies.backend().settle();
    List<String> left = proxies.backend().leftovers();
    if (!left.isEmpty()) {
      return Optional.of(prefix + String.join("; ", left));
    }
    CellResult baseline = new CellExecution(proxies, runner, matrix, assertions)
        .run(baselineOf(after), instance);
    if (baseline.judgement().verdict() != Verdict.PASSED) {
      return Optional.of(prefix + "its scenario without a fault did not pass: " + baseline.judgement().reason());
    }
    CellEvents faults = baseline.cell().events().ofKind(FAULT_EVENTS);
    return faults.isEmpty() ? Optional.empty()
        : Optional.of(prefix + "its scenario without a fault met faults: " + faults.descriptions());
  }

  /** The invocation's scenario as the matrix's baseline cell (or, without a baseline column, expecting success). */
  private CellInvocation baselineOf(CellInvocation after) {
    CellPlan cell = after.cell();
    CellPlan baseline = matrix.cells().stream()
        .filter(c -> c.fault().isEmpty() && c.scenario().name().equals(cell.scenario().name())).findFirst()
        .orElseGet(() -> new CellPlan(cell.index(), cell.scenario(), Optional.empty(),
            new CellExpectation(Expectation.SUCCESS, Optional.empty(), Optional.empty(), false), Optional.empty()));
    return new CellInvocation(baseline, after.index(), after.iteration(), after.iterations(), after.seed());
  }
}
