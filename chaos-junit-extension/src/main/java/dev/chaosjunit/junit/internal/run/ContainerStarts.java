package dev.chaosjunit.junit.internal.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.lifecycle.Startables;

/**
 * Starts the containers of a class's services that are not running, all at once (each with what it
 * depends on, through Testcontainers' {@link Startables#deepStart}), and times each start. When any of
 * them fails, it waits for the others and stops them all before it throws.
 */
final class ContainerStarts {

  private static final Logger LOG = LoggerFactory.getLogger(ContainerStarts.class);

  private final Map<String, Duration> took = Collections.synchronizedMap(new LinkedHashMap<>());
  private Duration together = Duration.ZERO;

  private ContainerStarts() {}

  /** Starts {@code containers} (service name to container) in parallel; returns when all are up. */
  static ContainerStarts start(Map<String, Startable> containers) {
    ContainerStarts starts = new ContainerStarts();
    if (containers.isEmpty()) {
      return starts;
    }
    LOG.info("starting the containers of chaos services {} in parallel", containers.keySet());
    long begin = System.nanoTime();
    List<CompletableFuture<Void>> all = new ArrayList<>();
    containers.forEach((service, container) -> all.add(Startables.deepStart(container)
        .thenRun(() -> starts.took.put(service, Duration.ofNanos(System.nanoTime() - begin)))));
    try {
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw stopAll(containers.values(), e.getCause());
    }
    starts.together = Duration.ofNanos(System.nanoTime() - begin);
    return starts;
  }

  /** Stops every container (a stop of one that never started does nothing), then gives {@code failure} to throw. */
  private static RuntimeException stopAll(Iterable<Startable> containers, Throwable failure) {
    for (Startable container : containers) {
      try {
        container.stop();
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
  }

  /** How long all of them took together. */
  Duration together() {
    return together;
  }

  /** How long each took, by service name, in the order they came up. */
  Map<String, Duration> each() {
    return new LinkedHashMap<>(took);
  }
}
