package dev.chaosjunit.junit.internal.run;

import dev.chaosjunit.junit.CellEvent;
import dev.chaosjunit.junit.CellEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The workload's calls of one soak event, each a {@code soak-call-*} {@link CellEvent} timed from its start. */
final class WorkloadCalls {

  private static final Logger LOG = LoggerFactory.getLogger(WorkloadCalls.class);
  private static final String LANE = "workload";

  private final Callable<?> workload;
  private final ExecutorService threads;
  private final Instant start;
  private final List<CellEvent> calls = new ArrayList<>();

  WorkloadCalls(Callable<?> workload, ExecutorService threads, Instant start) {
    this.workload = workload;
    this.threads = threads;
    this.start = start;
  }

  /** Calls the workload once; whether it returned without exception within {@code limit}. */
  boolean call(String phase, Duration limit) throws InterruptedException {
    Instant at = Instant.now();
    Future<?> call = threads.submit(workload);
    String error = null;
    try {
      call.get(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      LOG.debug("soak call failed", e.getCause());
      error = String.valueOf(e.getCause());
    } catch (TimeoutException e) {
      call.cancel(true);
      error = "no answer within " + limit.toMillis() + " ms";
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("phase", phase);
    attributes.put("millis", Long.toString(Duration.between(at, Instant.now()).toMillis()));
    if (error != null) {
      attributes.put("error", error);
    }
    calls.add(new CellEvent(Duration.between(start, at), error == null ? CellEvent.SOAK_CALL_SUCCEEDED
        : CellEvent.SOAK_CALL_FAILED, LANE, attributes));
    return error == null;
  }

  /** How many calls were made so far. */
  int count() {
    return calls.size();
  }

  /** How many of them failed. */
  int failed() {
    return (int) calls.stream().filter(c -> c.is(CellEvent.SOAK_CALL_FAILED)).count();
  }

  /** {@code recorded} with the calls among them, in time order. */
  CellEvents mergedWith(CellEvents recorded) {
    return CellEvents.of(Stream.concat(recorded.stream(), calls.stream())
        .sorted(Comparator.comparing(CellEvent::at)).toList());
  }
}
