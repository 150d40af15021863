package dev.chaosjunit.junit.internal.backend;

import dev.chaosjunit.fault.ContainerPrimitive;
import dev.chaosjunit.fault.Evidence;
import dev.chaosjunit.fault.FaultEffect;
import dev.chaosjunit.fault.NetworkPrimitive;
import dev.chaosjunit.fault.Primitive;
import dev.chaosjunit.junit.CellEvent;
import dev.chaosjunit.proxy.Proxy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.ContainerState;

/**
 * Carries out primitives: container ones on the services' containers, keeping each proxy pointed at its
 * container's current port, and network ones at the proxies ({@link NetworkLinks}). Watches for the
 * evidence that the system noticed, recording all of it until the next reset, for the cell's
 * {@link CellEvent}s ({@code primitive-*} kinds).
 */
final class Primitives implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Primitives.class);

  private final Map<String, ServiceContainer> containers = new HashMap<>();
  private final Map<FaultEffect, Applied> applied = new HashMap<>();
  private final List<Happened> events = new CopyOnWriteArrayList<>();
  private final ConnectionWatch connections;
  private final NetworkLinks links = new NetworkLinks();

  Primitives(ConnectionWatch connections) {
    this.connections = connections;
  }

  void register(String service, ContainerState container, int containerPort) {
    containers.put(service, new ServiceContainer(container, containerPort));
  }

  void apply(FaultEffect effect, Primitive primitive, Proxy proxy) {
    Instant at = Instant.now();
    long noSpaceBefore = primitive.evidence() == Evidence.SERVICE_LOG
        ? container(effect.service()).diskFullReports() : 0;
    Set<String> peer = primitive instanceof NetworkPrimitive network && !network.peer().isEmpty()
        ? container(network.peer()).addresses() : Set.of();
    applied.put(effect, new Applied(at, noSpaceBefore, peer));
    String detail = primitive instanceof NetworkPrimitive network ? links.apply(effect, network.from(peer), proxy)
        : apply(effect.service(), (ContainerPrimitive) primitive, proxy);
    add(effect, primitive, at, CellEvent.PRIMITIVE_APPLIED, detail);
  }

  private String apply(String service, ContainerPrimitive primitive, Proxy proxy) {
    ServiceContainer container = container(service);
    return act(() -> {
      switch (primitive.kind()) {
        case KILL -> container.kill();
        case RESTART -> {
          container.kill();
          return repoint(proxy, container.start());
        }
        case PAUSE -> {
          return container.pause();
        }
        case DISK_FULL -> container.fill();
        case CLOCK_SKEW -> throw new IllegalStateException("no image supports a clock skew: discovery refuses it");
      }
      return "";
    });
  }

  void revert(FaultEffect effect, Primitive primitive, Proxy proxy) {
    String detail = primitive instanceof NetworkPrimitive network ? links.revert(effect, network, proxy)
        : revert(effect.service(), (ContainerPrimitive) primitive, proxy);
    record(effect, primitive, CellEvent.PRIMITIVE_REVERTED, detail);
  }

  private String revert(String service, ContainerPrimitive primitive, Proxy proxy) {
    ServiceContainer container = container(service);
    return act(() -> {
      switch (primitive.kind()) {
        case KILL -> {
          return repoint(proxy, container.start());
        }
        case RESTART -> { }
        case PAUSE -> container.unpause();
        case DISK_FULL -> container.free();
        case CLOCK_SKEW -> { }
      }
      return "";
    });
  }

  /** Waits until the evidence of an applied primitive shows, or its window ends; records which. */
  void awaitDetection(FaultEffect effect, Primitive primitive) throws InterruptedException {
    Applied at = applied.get(effect);
    Instant deadline = at.time().plus(primitive.within());
    Optional<Instant> seen = evidence(effect, primitive, at);
    while (seen.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
      seen = evidence(effect, primitive, at);
    }
    if (seen.isPresent()) {
      add(effect, primitive, seen.get(), CellEvent.PRIMITIVE_DETECTED, primitive.evidence().description());
    } else {
      add(effect, primitive, deadline, CellEvent.PRIMITIVE_NOT_DETECTED, "no sign that "
          + primitive.evidence().description() + " within " + primitive.within().toMillis() + " ms ("
          + seen(effect, primitive, at) + ")");
    }
  }

  /** 1 when the applied primitive was detected, else 0. */
  long detections(FaultEffect effect) {
    String label = ((Primitive) effect.effect()).label();
    return events.stream().filter(e -> e.service().equals(effect.service()) && e.primitive().equals(label)
        && e.kind().equals(CellEvent.PRIMITIVE_DETECTED)).count();
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

  /** What the primitives did since the last reset, timed from {@code start}, in order. */
  List<CellEvent> events(Instant start) {
    return events.stream().map(e -> e.toCellEvent(start)).toList();
  }

  /** A new cell, whose seed flapping links draw their schedules from. */
  void reset(long cellSeed) {
    applied.clear();
    events.clear();
    links.reset(cellSeed);
  }

  @Override
  public void close() {
    links.close();
  }

  private Optional<Instant> evidence(FaultEffect effect, Primitive primitive, Applied at) {
    String proxy = effect.service();
    return switch (primitive.evidence()) {
      case CONNECTION_LOST -> connections.firstLost(proxy, at.time());
      case RECONNECTED -> connections.firstLost(proxy, at.time()).flatMap(lost -> connections.firstOpened(proxy, lost));
      case NEW_CONNECTION -> at.peer().isEmpty() ? connections.firstOpened(proxy, at.time())
          : connections.firstOpened(proxy, at.time(), at.peer());
      case SERVICE_LOG -> container(proxy).diskFullReports() > at.noSpaceBefore()
          ? Optional.of(Instant.now()) : Optional.empty();
    };
  }

  private String seen(FaultEffect effect, Primitive primitive, Applied at) {
    return primitive.evidence() == Evidence.SERVICE_LOG
        ? "its log ends with: " + container(effect.service()).tail()
        : connections.summary(effect.service(), at.time());
  }

  private static String repoint(Proxy proxy, String upstream) {
    proxy.moveUpstream(upstream);
    return "serving again at " + upstream + ", the proxy re-pointed";
  }

  private void record(FaultEffect effect, Primitive primitive, String kind, String detail) {
    add(effect, primitive, Instant.now(), kind, detail);
  }

  private void add(FaultEffect effect, Primitive primitive, Instant time, String kind, String detail) {
    Applied at = applied.get(effect);
    Duration since = at == null ? Duration.ZERO : Duration.between(at.time(), time);
    LOG.info("primitive: +{} ms {} {} {}{}", since.toMillis(), effect.service(), primitive.label(),
        kind.substring("primitive-".length()).replace('-', ' '), detail.isEmpty() ? "" : ": " + detail);
    events.add(new Happened(time, kind, effect.service(), primitive.label(), detail));
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

  /**
   * When a primitive was applied, how often its service had logged a full disk before, and the addresses of the
   * peer whose connections it acts on (empty: every client's).
   */
  private record Applied(Instant time, long noSpaceBefore, Set<String> peer) {}

  /** Something a primitive did, or its detection, until the cell's recording times it. */
  private record Happened(Instant time, String kind, String service, String primitive, String detail) {
    CellEvent toCellEvent(Instant start) {
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("primitive", primitive);
      if (!detail.isEmpty()) {
        attributes.put("detail", detail);
      }
      return new CellEvent(Duration.between(start, time), kind, service, attributes);
    }
  }
}
