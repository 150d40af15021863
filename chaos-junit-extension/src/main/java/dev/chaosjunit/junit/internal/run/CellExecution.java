package dev.chaosjunit.junit.internal.run;

import dev.chaosjunit.fault.BuggifySite;
import dev.chaosjunit.fault.FaultEffect;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.Outcome;
import dev.chaosjunit.junit.Verdict;
import dev.chaosjunit.junit.internal.StatusReading;
import dev.chaosjunit.junit.internal.backend.FaultBackend;
import dev.chaosjunit.junit.internal.buggify.BuggifySession;
import dev.chaosjunit.junit.internal.buggify.Ledger;
import dev.chaosjunit.junit.internal.plan.CellPlan;
import dev.chaosjunit.junit.internal.plan.FaultDef;
import dev.chaosjunit.junit.internal.plan.MatrixPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lifecycle of one cell: reset the proxies, apply the fault's effects, run the scenario with buggify and
 * the application's assertions installed, wait for the detection of its container primitives, read the
 * firings, always revert, judge (a broken always or unreachable assertion fails the cell before its
 * expectation is looked at).
 */
final class CellExecution {

  private final TopologyResource proxies;
  private final ScenarioRunner runner;
  private final MatrixPlan matrix;
  private final Ledger assertions;

  /** A cell runner for a matrix of a class, recording the application's assertions in {@code assertions}. */
  public CellExecution(TopologyResource proxies, ScenarioRunner runner, MatrixPlan matrix, Ledger assertions) {
    this.proxies = proxies;
    this.runner = runner;
    this.matrix = matrix;
    this.assertions = assertions;
  }

  /** Runs one cell on the test instance. */
  public CellResult run(CellPlan plan, Object instance) throws InterruptedException {
    FaultBackend backend = proxies.backend();
    Map<Boolean, List<FaultEffect>> bySite = plan.fault().map(f -> f.fault().effects()).orElse(List.of()).stream()
        .collect(Collectors.partitioningBy(e -> e.effect() instanceof BuggifySite));
    List<FaultEffect> applied = new ArrayList<>();
    Map<String, Long> firings = new LinkedHashMap<>();
    Ran ran = new Ran(null, List.of());
    Throwable error = null;
    try {
      backend.reset();
      if (matrix.readiness().isPresent()) {
        Readiness.await(matrix.readiness().get(), runner, instance, proxies.topology());
      }
      for (FaultEffect effect : bySite.get(false)) {
        backend.apply(effect);
        applied.add(effect);
      }
      ran = runScenario(plan, instance, bySite.get(true), firings);
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
    return result(plan, ran.outcome(), firings, ran.violations(), error, instance);
  }

  /** What the scenario did, and the assertions the application broke meanwhile. */
  private record Ran(Outcome outcome, List<String> violations) {}

  /** Runs the scenario with buggify and the assertions installed, the {@code sites} forced on and counted. */
  private Ran runScenario(CellPlan plan, Object instance, List<FaultEffect> sites, Map<String, Long> firings)
      throws InterruptedException {
    Set<String> forced = sites.stream().map(e -> e.effect().name()).collect(Collectors.toSet());
    try (BuggifySession buggify = BuggifySession.open(proxies.topology().seed(), plan.name(), matrix.buggify(),
        forced, assertions)) {
      Outcome outcome = runner.run(plan.scenario(), instance, proxies.topology(), timeout(plan));
      sites.forEach(e -> firings.put(firingsKey(e), buggify.firings(e.effect().name())));
      return new Ran(outcome, buggify.violations());
    }
  }

  private CellResult result(CellPlan plan, Outcome outcome, Map<String, Long> firings, List<String> violations,
      Throwable error, Object instance) {
    StatusReading reading = outcome == null ? StatusReading.NONE
        : StatusReader.read(outcome.value(), matrix.statusReaders(), instance);
    Outcome seen = outcome == null ? new Outcome(Outcome.Kind.THREW, null, error, Duration.ZERO)
        : new Outcome(outcome.kind(), outcome.value(), outcome.error(), outcome.duration(), reading.status());
    Cell cell = new Cell(plan.index(), plan.scenario().name(), plan.faultName(), plan.fault().map(FaultDef::fault),
        plan.expectation().value(), seen, firings, proxies.topology().seed(), proxies.backend().primitiveEvents());
    if (error != null) {
      return new CellResult(cell, new Judgement(Verdict.ERRORED, "the cell errored: " + error), Optional.of(error));
    }
    if (!violations.isEmpty()) {
      return new CellResult(cell, new Judgement(Verdict.FAILED, "the application broke its own assertion "
          + violations.get(0) + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more: "
          + violations.subList(1, violations.size()) + ")" : "") + "; the scenario " + seen.summary()),
          Optional.empty());
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
