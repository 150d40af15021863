package dev.chaosjunit.junit.internal.run;

import java.lang.reflect.Method;
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
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.lifecycle.Startables;

/**
 * Starts the containers of a class's services that are not running, all at once (each with what it
 * depends on, through Testcontainers' {@link Startables#deepStart}), and times each start. When any of
 * them fails, it waits for the others and stops them all before it throws.
 *
 * <p>Containers that share one wait strategy instance start one after another, in declaration order:
 * a Testcontainers wait strategy keeps the container it is waiting for in a field, so two containers
 * waiting through one instance at once can each be judged by the other's state (a healthy one failed
 * because the other exited). Every {@link GenericContainer} without a {@code waitingFor(...)} shares
 * Testcontainers' one default instance.
 */
final class ContainerStarts {

  private static final Logger LOG = LoggerFactory.getLogger(ContainerStarts.class);
  /** {@code GenericContainer.getWaitStrategy()} (protected), or null where it cannot be read. */
  private static final Method WAIT_STRATEGY = waitStrategyAccessor();
  /** The key of every container whose wait strategy cannot be read: they may share one, so they take turns. */
  private static final Object UNKNOWN_WAIT_STRATEGY = new Object();

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
    for (List<String> turns : byWaitStrategy(containers)) {
      if (turns.size() > 1) {
        LOG.info("the containers of chaos services {} share one wait strategy instance (Testcontainers' default when "
            + "a container has no waitingFor(...)): they start one after another", turns);
      }
      CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
      for (String service : turns) {
        Startable container = containers.get(service);
        previous = previous.thenCompose(previousUp -> Startables.deepStart(container))
            .thenRun(() -> starts.took.put(service, Duration.ofNanos(System.nanoTime() - begin)));
        all.add(previous);
      }
    }
    try {
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw stopAll(containers.values(), e.getCause());
    }
    starts.together = Duration.ofNanos(System.nanoTime() - begin);
    return starts;
  }

  /** The services, in declaration order, grouped by the wait strategy instance they share (groups in order too). */
  private static List<List<String>> byWaitStrategy(Map<String, Startable> containers) {
    List<Object> strategies = new ArrayList<>();
    List<List<String>> groups = new ArrayList<>();
    containers.forEach((service, container) -> {
      Object strategy = waitStrategyOf(container);
      int known = 0;
      while (known < strategies.size() && strategies.get(known) != strategy) {
        known++;
      }
      if (known == strategies.size()) {
        strategies.add(strategy);
        groups.add(new ArrayList<>());
      }
      groups.get(known).add(service);
    });
    return groups;
  }

  /** The wait strategy {@code container} starts with (compared by identity), or a stand-in where it is unknown. */
  private static Object waitStrategyOf(Startable container) {
    if (!(container instanceof GenericContainer<?>)) {
      return container;
    }
    if (WAIT_STRATEGY == null) {
      return UNKNOWN_WAIT_STRATEGY;
    }
    try {
      Object waitStrategy = WAIT_STRATEGY.invoke(container);
      return waitStrategy == null ? UNKNOWN_WAIT_STRATEGY : waitStrategy;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return UNKNOWN_WAIT_STRATEGY;
    }
  }

  private static Method waitStrategyAccessor() {
    try {
      Method method = GenericContainer.class.getDeclaredMethod("getWaitStrategy");
      method.setAccessible(true);
      return method;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("GenericContainer.getWaitStrategy() cannot be read ({}): such containers start one after another", e);
      return null;
    }
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
