package dev.chaosjunit.junit.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.fault.FaultEffect;
import dev.chaosjunit.junit.CellEvent;
import dev.chaosjunit.junit.CellEvents;
import dev.chaosjunit.junit.SoakPlan;
import dev.chaosjunit.junit.SoakResult;
import dev.chaosjunit.junit.internal.backend.EventRecording;
import dev.chaosjunit.junit.internal.backend.FaultBackend;
import dev.chaosjunit.junit.report.SoakReporting;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a soak's schedule through a class's backend, one chaos event after another. */
@API(status = INTERNAL, since = "0.1")
public final class SoakRunner {

  private static final Logger LOG = LoggerFactory.getLogger(SoakRunner.class);
  private static final Duration PAUSE_BETWEEN_CALLS = Duration.ofMillis(50);

  private final FaultBackend backend;
  private final long seed;

  private final String testClass;
  private final String method;
  private final Path reports;

  SoakRunner(FaultBackend backend, long seed, String testClass, String method, Path reports) {
    this.backend = backend;
    this.seed = seed;
    this.testClass = testClass;
    this.method = method;
    this.reports = reports;
  }

  /**
   * Runs {@code plan} with the class's seed; logs its numbers ({@code soak of <Class>.<method>: <summary>}) and
   * reports it in the reports directory.
   */
  public SoakResult run(SoakPlan plan, Callable<?> workload) throws InterruptedException {
    ExecutorService calls = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "chaos-soak-call");
      thread.setDaemon(true);
      return thread;
    });
    List<SoakResult.Event> events = new ArrayList<>();
    Instant start = Instant.now();
    try {
      for (SoakPlan.Scheduled scheduled : plan.schedule(seed)) {
        sleepUntil(start.plus(scheduled.at()));
        SoakResult.Event event = event(plan, scheduled, workload, calls);
        LOG.info("soak event: {}", event.describe());
        events.add(event);
      }
    } finally {
      calls.shutdownNow();
    }
    SoakResult result = new SoakResult(seed, plan.budgetPercent(), Duration.between(start, Instant.now()), events);
    LOG.info("soak of {}.{}: {}", testClass, method, result.summary());
    SoakReporting.write(reports, testClass, method, result);
    return result;
  }

  private SoakResult.Event event(SoakPlan plan, SoakPlan.Scheduled scheduled, Callable<?> workload,
      ExecutorService calls) throws InterruptedException {
    backend.reset(Seeds.forCell(seed, "soak at " + scheduled.at(), scheduled.fault().describe()));
    WorkloadCalls made = new WorkloadCalls(workload, calls, Instant.now());
    EventRecording recording = backend.record();
    List<FaultEffect> applied = new ArrayList<>();
    try {
      for (FaultEffect effect : scheduled.fault().effects()) {
        backend.apply(effect);
        applied.add(effect);
      }
      for (Instant end = Instant.now().plus(plan.hold()); Instant.now().isBefore(end); ) {
        made.call("hold", Duration.between(Instant.now(), end));
        Thread.sleep(PAUSE_BETWEEN_CALLS.toMillis());
      }
      for (FaultEffect effect : applied) {
        backend.awaitDetection(effect);
      }
    } finally {
      for (int i = applied.size() - 1; i >= 0; i--) {
        backend.revert(applied.get(i));
      }
    }
    int holdCalls = made.count();
    int failed = made.failed();
    boolean recovered = recovers(plan.recovery(), made);
    CellEvents events = made.mergedWith(recording.stop());
    boolean detected = events.ofKind(CellEvent.PRIMITIVE_NOT_DETECTED).isEmpty();
    return new SoakResult.Event(scheduled.at(), scheduled.fault().describe(), detected, detectionLatency(events),
        recovered, holdCalls, failed, events);
  }

  /** The longest time from a primitive's apply to its detection, if any was detected. */
  private static Optional<Duration> detectionLatency(CellEvents events) {
    return events.ofKind(CellEvent.PRIMITIVE_DETECTED).stream().map(detected -> events.primitives().stream()
            .filter(e -> e.is(CellEvent.PRIMITIVE_APPLIED) && e.proxy().equals(detected.proxy())
                && e.attributes().get("primitive").equals(detected.attributes().get("primitive")))
            .findFirst().map(applied -> detected.at().minus(applied.at())).orElse(Duration.ZERO))
        .max(Duration::compareTo);
  }

  private static boolean recovers(Duration recovery, WorkloadCalls made) throws InterruptedException {
    Instant end = Instant.now().plus(recovery);
    while (Instant.now().isBefore(end)) {
      if (made.call("recovery", Duration.between(Instant.now(), end))) {
        return true;
      }
      Thread.sleep(PAUSE_BETWEEN_CALLS.toMillis());
    }
    return false;
  }

  private static void sleepUntil(Instant when) throws InterruptedException {
    long millis = Duration.between(Instant.now(), when).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }
}
