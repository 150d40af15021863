package dev.chaosjunit.junit.internal.run;

import dev.chaosjunit.fault.FaultEffect;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.Outcome;
import dev.chaosjunit.junit.Verdict;
import dev.chaosjunit.junit.internal.StatusReading;
import dev.chaosjunit.junit.internal.backend.FaultBackend;
import dev.chaosjunit.junit.internal.plan.CellPlan;
import dev.chaosjunit.junit.internal.plan.FaultDef;
import dev.chaosjunit.junit.internal.plan.MatrixPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lifecycle of one cell: reset the proxies, apply the fault's effects, run the scenario, wait for
 * the detection of its container primitives, read the firings, always revert, judge.
 */
final class CellExecution {

  private final TopologyResource proxies;
  private final ScenarioRunner runner;
  private final MatrixPlan matrix;

  /** A cell runner for a matrix of a class. */
  public CellExecution(TopologyResource proxies, ScenarioRunner runner, MatrixPlan matrix) {
    this.proxies = proxies;
    this.runner = runner;
    this.matrix = matrix;
  }

  /** Runs one cell on the test instance. */
  public CellResult run(CellPlan plan, Object instance) throws InterruptedException {
    FaultBackend backend = proxies.backend();
    List<FaultEffect> effects = plan.fault().map(f -> f.fault().effects()).orElse(List.of());
    List<FaultEffect> applied = new ArrayList<>();
    Map<String, Long> firings = new LinkedHashMap<>();
    Outcome outcome = null;
    Throwable error = null;
    try {
      backend.reset();
      if (matrix.readiness().isPresent()) {
        Readiness.await(matrix.readiness().get(), runner, instance, proxies.topology());
      }
      for (FaultEffect effect : effects) {
        backend.apply(effect);
        applied.add(effect);
      }
      outcome = runner.run(plan.scenario(), instance, proxies.topology(), timeout(plan));
      proxies.cellRan();
      for (FaultEffect effect : applied) {
        backend.awaitDetection(effect);
      }
      if (backend.countsFirings()) {
        readFirings(applied, firings);
      }
    } catch (RuntimeException e) {
      error = e;
    } finally {
      error = revert(applied, error);
    }
    return result(plan, outcome, firings, error, instance);
  }

  private CellResult result(CellPlan plan, Outcome outcome, Map<String, Long> firings, Throwable error,
      Object instance) {
    StatusReading reading = outcome == null ? StatusReading.NONE
        : StatusReader.read(outcome.value(), matrix.statusReaders(), instance);
    Outcome seen = outcome == null ? new Outcome(Outcome.Kind.THREW, null, error, Duration.ZERO)
        : new Outcome(outcome.kind(), outcome.value(), outcome.error(), outcome.duration(), reading.status());
    Cell cell = new Cell(plan.index(), plan.scenario().name(), plan.faultName(), plan.fault().map(FaultDef::fault),
        plan.expectation().value(), seen, firings, proxies.topology().seed(), proxies.backend().primitiveEvents());
    if (error != null) {
      return new CellResult(cell, new Judgement(Verdict.ERRORED, "the cell errored: " + error), Optional.of(error));
    }
    boolean counts = proxies.backend().countsFirings();
    return new CellResult(cell, Judge.judge(cell, plan.expectation(), matrix.requireFiring() && counts, counts,
        instance, reading),
        Optional.empty());
  }

  private Duration timeout(CellPlan plan) {
    return plan.expectation().within().orElse(matrix.timeout());
  }

  private void readFirings(List<FaultEffect> applied, Map<String, Long> firings) {
    for (FaultEffect effect : applied) {
      firings.merge(firingsKey(effect), proxies.backend().firings(effect), Long::sum);
    }
  }

  /** {@code service [engine name]: description}, e.g. {@code db [diskFull]: postgres upstream ...}. */
  private static String firingsKey(FaultEffect applied) {
    String name = applied.effect().name();
    return applied.service() + (name.isEmpty() ? "" : " [" + name + "]") + ": " + applied.effect().describe();
  }

  private Throwable revert(List<FaultEffect> applied, Throwable error) {
    Throwable failure = error;
    for (int i = applied.size() - 1; i >= 0; i--) {
      try {
        proxies.backend().revert(applied.get(i));
      } catch (RuntimeException e) {
        failure = failure == null ? e : withSuppressed(failure, e);
      }
    }
    return failure;
  }

  private static Throwable withSuppressed(Throwable first, Throwable next) {
    first.addSuppressed(next);
    return first;
  }
}
