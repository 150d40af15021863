package dev.chaosjunit.junit.internal.backend;

import dev.chaosjunit.fault.ContainerPrimitive;
import dev.chaosjunit.fault.FaultEffect;
import dev.chaosjunit.junit.PrimitiveEvent;
import dev.chaosjunit.proxy.Proxy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.ContainerState;
import java.util.function.Function;
import java.util.ArrayList;

/**
 * Carries out container primitives on the services' containers, keeps each proxy pointed at its
 * container's current port, and watches for the evidence that the system noticed, recording all of it
 * as {@link PrimitiveEvent}s until the next reset.
 */
final class ContainerPrimitives {

  private static final Logger LOG = LoggerFactory.getLogger(ContainerPrimitives.class);

  private final Map<String, ServiceContainer> containers = new HashMap<>();
  private final Map<FaultEffect, Applied> applied = new HashMap<>();
  private final List<PrimitiveEvent> events = new CopyOnWriteArrayList<>();
  private final ConnectionWatch connections;

  ContainerPrimitives(ConnectionWatch connections) {
    this.connections = connections;
  }

  void register(String service, ContainerState container, int containerPort) {
    containers.put(service, new ServiceContainer(container, containerPort));
  }

  void apply(FaultEffect effect, ContainerPrimitive primitive, Proxy proxy) {
    ServiceContainer container = container(effect.service());
    Instant at = Instant.now();
    long noSpaceBefore = primitive.evidence() == ContainerPrimitive.Evidence.SERVICE_LOG
        ? container.diskFullReports() : 0;
    applied.put(effect, new Applied(at, noSpaceBefore));
    String detail = act(() -> {
      switch (primitive.kind()) {
        case KILL -> container.kill();
        case RESTART -> {
          container.kill();
          return repoint(proxy, container.start());
        }
        case PAUSE -> container.pause();
        case DISK_FULL -> container.fill();
      }
      return "";
    });
    record(effect, primitive, PrimitiveEvent.Type.APPLIED, detail);
  }

  void revert(FaultEffect effect, ContainerPrimitive primitive, Proxy proxy) {
    ServiceContainer container = container(effect.service());
    String detail = act(() -> {
      switch (primitive.kind()) {
        case KILL -> {
          return repoint(proxy, container.start());
        }
        case RESTART -> { }
        case PAUSE -> container.unpause();
        case DISK_FULL -> container.free();
      }
      return "";
    });
    record(effect, primitive, PrimitiveEvent.Type.REVERTED, detail);
  }

  /** Waits until the evidence of an applied primitive shows, or its window ends; records which. */
  void awaitDetection(FaultEffect effect, ContainerPrimitive primitive) throws InterruptedException {
    Applied at = applied.get(effect);
    Instant deadline = at.time().plus(primitive.within());
    Optional<Instant> seen = evidence(effect, primitive, at);
    while (seen.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
      seen = evidence(effect, primitive, at);
    }
    if (seen.isPresent()) {
      add(event(effect, primitive, seen.get(), PrimitiveEvent.Type.DETECTED, primitive.evidence().description()));
    } else {
      add(event(effect, primitive, deadline, PrimitiveEvent.Type.NOT_DETECTED, "no sign that "
          + primitive.evidence().description() + " within " + primitive.within().toMillis() + " ms ("
          + seen(effect, primitive, at) + ")"));
    }
  }

  /** 1 when the applied primitive was detected, else 0. */
  long detections(FaultEffect effect) {
    String label = ((ContainerPrimitive) effect.effect()).kind().label();
    return events.stream().filter(e -> e.service().equals(effect.service()) && e.primitive().equals(label)
        && e.type() == PrimitiveEvent.Type.DETECTED).count();
  }

  /**
   * Each service container that is not serving behind its proxy: not running, paused, or published at another
   * address than its proxy's {@code upstreams} points at.
   */
  List<String> leftovers(Function<String, String> upstreams) {
    List<String> left = new ArrayList<>();
    containers.forEach((service, container) -> container.notServing(service, upstreams.apply(service))
        .ifPresent(left::add));
    return left;
  }

  List<PrimitiveEvent> events() {
    return List.copyOf(events);
  }

  void reset() {
    applied.clear();
    events.clear();
  }

  private Optional<Instant> evidence(FaultEffect effect, ContainerPrimitive primitive, Applied at) {
    String proxy = effect.service();
    return switch (primitive.evidence()) {
      case CONNECTION_LOST -> connections.firstLost(proxy, at.time());
      case RECONNECTED -> connections.firstLost(proxy, at.time()).flatMap(lost -> connections.firstOpened(proxy, lost));
      case NEW_CONNECTION -> connections.firstOpened(proxy, at.time());
      case SERVICE_LOG -> container(proxy).diskFullReports() > at.noSpaceBefore()
          ? Optional.of(Instant.now()) : Optional.empty();
    };
  }

  private String seen(FaultEffect effect, ContainerPrimitive primitive, Applied at) {
    return primitive.evidence() == ContainerPrimitive.Evidence.SERVICE_LOG
        ? "its log ends with: " + container(effect.service()).tail()
        : connections.summary(effect.service(), at.time());
  }

  private static String repoint(Proxy proxy, String upstream) {
    proxy.setUpstream(upstream);
    return "serving again at " + upstream + ", the proxy re-pointed";
  }

  private void record(FaultEffect effect, ContainerPrimitive primitive, PrimitiveEvent.Type type, String detail) {
    add(event(effect, primitive, Instant.now(), type, detail));
  }

  private void add(PrimitiveEvent event) {
    LOG.info("container primitive: {}", event.describe());
    events.add(event);
  }

  private PrimitiveEvent event(FaultEffect effect, ContainerPrimitive primitive, Instant time, PrimitiveEvent.Type type,
      String detail) {
    Applied at = applied.get(effect);
    Duration since = type == PrimitiveEvent.Type.APPLIED || at == null ? Duration.ZERO : Duration.between(at.time(), time);
    return new PrimitiveEvent(time, effect.service(), primitive.kind().label(), type, since, detail);
  }

  private ServiceContainer container(String service) {
    ServiceContainer container = containers.get(service);
    if (container == null) {
      throw new IllegalStateException("service [" + service + "] is not a container: container primitives need one");
    }
    return container;
  }

  private static String act(Action action) {
    try {
      return action.run();
    } catch (IOException e) {
      throw new IllegalStateException("the container primitive failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while acting on a container", e);
    }
  }

  /** Docker work that may block. */
  @FunctionalInterface
  private interface Action {
    String run() throws IOException, InterruptedException;
  }

  /** When a primitive was applied and how often its service had logged a full disk before. */
  private record Applied(Instant time, long noSpaceBefore) {}
}
