package dev.chaosjunit.junit.internal.run;

import dev.chaosjunit.fault.BuggifySite;
import dev.chaosjunit.fault.FaultEffect;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.CellEvents;
import dev.chaosjunit.junit.Outcome;
import dev.chaosjunit.junit.Verdict;
import dev.chaosjunit.junit.internal.StatusReading;
import dev.chaosjunit.junit.internal.backend.EventRecording;
import dev.chaosjunit.junit.internal.backend.FaultBackend;
import dev.chaosjunit.junit.internal.buggify.BuggifySession;
import dev.chaosjunit.junit.internal.buggify.Ledger;
import dev.chaosjunit.junit.internal.plan.CellInvocation;
import dev.chaosjunit.junit.internal.plan.CellPlan;
import dev.chaosjunit.junit.internal.plan.FaultDef;
import dev.chaosjunit.junit.internal.plan.MatrixPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lifecycle of one cell: reset the proxies under the cell's seed, record their events, apply the
 * fault's effects, run the scenario with buggify and the application's assertions installed, let the
 * proxies handle what it sent, wait for the detection of its primitives, read the firings,
 * always revert, judge (a broken always or unreachable assertion fails the cell before its expectation
 * is looked at).
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

  /** Runs one invocation of a cell on the test instance, its faults drawing from its seed and the cell's name. */
  public CellResult run(CellInvocation invocation, Object instance) throws InterruptedException {
    CellPlan plan = invocation.cell();
    long seed = invocation.seed();
    FaultBackend backend = proxies.backend();
    Map<Boolean, List<FaultEffect>> bySite = plan.fault().map(f -> f.fault().effects()).orElse(List.of()).stream()
        .collect(Collectors.partitioningBy(e -> e.effect() instanceof BuggifySite));
    List<FaultEffect> applied = new ArrayList<>();
    Map<String, Long> firings = new LinkedHashMap<>();
    Ran ran = new Ran(null, List.of(), List.of());
    Throwable error = null;
    EventRecording recording = null;
    Instant recordingStart = null;
    CellEvents events = CellEvents.none();
    try {
      backend.reset(Seeds.forCell(seed, plan.scenario().name(), plan.faultName()));
      if (matrix.readiness().isPresent()) {
        Readiness.await(matrix.readiness().get(), runner, instance, proxies.topology());
      }
      recordingStart = Instant.now();
      recording = backend.record();
      for (FaultEffect effect : bySite.get(false)) {
        backend.apply(effect);
        applied.add(effect);
      }
      ran = runScenario(plan, seed, instance, bySite.get(true), firings);
      backend.settle();
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
      if (recording != null) {
        events = BuggifyEvents.merge(recording.stop(), ran.draws(), recordingStart);
      }
    }
    return result(invocation, ran, firings, events, error, instance);
  }

  /** What the scenario did, the assertions the application broke meanwhile, and its buggify draws. */
  private record Ran(Outcome outcome, List<String> violations, List<BuggifySession.Draw> draws) {}

  /**
   * Runs the scenario with buggify (drawing from {@code seed}) and the assertions installed, the
   * {@code sites} forced on and counted.
   */
  private Ran runScenario(CellPlan plan, long seed, Object instance, List<FaultEffect> sites, Map<String, Long> firings)
      throws InterruptedException {
    Set<String> forced = sites.stream().map(e -> e.effect().name()).collect(Collectors.toSet());
    try (BuggifySession buggify = BuggifySession.open(seed, plan.name(), matrix.buggify(), forced, assertions)) {
      Outcome outcome = runner.run(plan.scenario(), instance, proxies.topology(), timeout(plan));
      sites.forEach(e -> firings.put(firingsKey(e), buggify.firings(e.effect().name())));
      return new Ran(outcome, buggify.violations(), buggify.draws());
    }
  }

  private CellResult result(CellInvocation invocation, Ran ran, Map<String, Long> firings, CellEvents events,
      Throwable error, Object instance) {
    CellPlan plan = invocation.cell();
    Outcome outcome = ran.outcome();
    List<String> violations = ran.violations();
    StatusReading reading = outcome == null ? StatusReading.NONE
        : StatusReader.read(outcome.value(), matrix.statusReaders(), instance);
    Outcome seen = outcome == null ? new Outcome(Outcome.Kind.THREW, null, error, Duration.ZERO)
        : new Outcome(outcome.kind(), outcome.value(), outcome.error(), outcome.duration(), reading.status());
    Cell cell = new Cell(invocation.index(), plan.scenario().name(), plan.faultName(), plan.fault().map(FaultDef::fault),
        plan.expectation().value(), seen, firings, events, invocation.seed());
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
