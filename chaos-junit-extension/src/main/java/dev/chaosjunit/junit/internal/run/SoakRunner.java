package dev.chaosjunit.junit.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.fault.FaultEffect;
import dev.chaosjunit.junit.CellEvent;
import dev.chaosjunit.junit.CellEvents;
import dev.chaosjunit.junit.SoakPlan;
import dev.chaosjunit.junit.SoakResult;
import dev.chaosjunit.junit.internal.backend.EventRecording;
import dev.chaosjunit.junit.internal.backend.FaultBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  SoakRunner(FaultBackend backend, long seed) {
    this.backend = backend;
    this.seed = seed;
  }

  /** Runs {@code plan} with the class's seed. */
  public SoakResult run(SoakPlan plan, Callable<?> workload) throws InterruptedException {
    ExecutorService calls = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "chaos-soak-call");
      thread.setDaemon(true);
      return thread;
    });
    List<SoakResult.Event> events = new ArrayList<>();
    try {
      Instant start = Instant.now();
      for (SoakPlan.Scheduled scheduled : plan.schedule(seed)) {
        sleepUntil(start.plus(scheduled.at()));
        SoakResult.Event event = event(plan, scheduled, workload, calls);
        LOG.info("soak event: {}", event.describe());
        events.add(event);
      }
    } finally {
      calls.shutdownNow();
    }
    return new SoakResult(seed, plan.budgetPercent(), events);
  }

  private SoakResult.Event event(SoakPlan plan, SoakPlan.Scheduled scheduled, Callable<?> workload,
      ExecutorService calls) throws InterruptedException {
    backend.reset(Seeds.forCell(seed, "soak at " + scheduled.at(), scheduled.fault().describe()));
    EventRecording recording = backend.record();
    List<FaultEffect> applied = new ArrayList<>();
    int made = 0;
    int failed = 0;
    try {
      for (FaultEffect effect : scheduled.fault().effects()) {
        backend.apply(effect);
        applied.add(effect);
      }
      for (Instant end = Instant.now().plus(plan.hold()); Instant.now().isBefore(end); made++) {
        failed += works(workload, calls, Duration.between(Instant.now(), end)) ? 0 : 1;
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
    boolean recovered = recovers(plan.recovery(), workload, calls);
    CellEvents events = recording.stop();
    boolean detected = events.ofKind(CellEvent.PRIMITIVE_NOT_DETECTED).isEmpty();
    return new SoakResult.Event(scheduled.at(), scheduled.fault().describe(), detected, detectionLatency(events),
        recovered, made, failed, events);
  }

  /** The longest time from a primitive's apply to its detection, if any was detected. */
  private static Optional<Duration> detectionLatency(CellEvents events) {
    return events.ofKind(CellEvent.PRIMITIVE_DETECTED).stream().map(detected -> events.primitives().stream()
            .filter(e -> e.is(CellEvent.PRIMITIVE_APPLIED) && e.proxy().equals(detected.proxy())
                && e.attributes().get("primitive").equals(detected.attributes().get("primitive")))
            .findFirst().map(applied -> detected.at().minus(applied.at())).orElse(Duration.ZERO))
        .max(Duration::compareTo);
  }

  private static boolean recovers(Duration recovery, Callable<?> workload, ExecutorService calls)
      throws InterruptedException {
    Instant end = Instant.now().plus(recovery);
    while (Instant.now().isBefore(end)) {
      if (works(workload, calls, Duration.between(Instant.now(), end))) {
        return true;
      }
      Thread.sleep(PAUSE_BETWEEN_CALLS.toMillis());
    }
    return false;
  }

  /** Whether one call returns without exception within {@code limit}. */
  private static boolean works(Callable<?> workload, ExecutorService calls, Duration limit)
      throws InterruptedException {
    Future<?> call = calls.submit(workload);
    try {
      call.get(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      LOG.debug("soak call failed", e.getCause());
      return false;
    } catch (TimeoutException e) {
      call.cancel(true);
      return false;
    }
  }

  private static void sleepUntil(Instant when) throws InterruptedException {
    long millis = Duration.between(Instant.now(), when).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }
}
