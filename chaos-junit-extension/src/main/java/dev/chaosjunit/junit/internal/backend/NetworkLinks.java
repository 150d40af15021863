package dev.chaosjunit.junit.internal.backend;

import dev.chaosjunit.fault.FaultEffect;
import dev.chaosjunit.fault.NetworkPrimitive;
import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.proxy.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

/**
 * Carries out network primitives at the services' proxies: adds a primitive's toxics on apply and removes
 * them on revert, or, for a flapping link, adds and removes them on the schedule drawn from the cell's seed.
 */
final class NetworkLinks implements AutoCloseable {

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "chaos-flapping-link");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<FaultEffect, Flapping> flapping = new ConcurrentHashMap<>();
  private long seed;

  /** A new cell: flapping links draw their schedules from {@code cellSeed}. */
  void reset(long cellSeed) {
    seed = cellSeed;
  }

  String apply(FaultEffect effect, NetworkPrimitive primitive, Proxy proxy) {
    if (primitive.kind() != NetworkPrimitive.Kind.FLAPPING) {
      down(proxy, primitive);
      return primitive.toxics().stream().map(Toxic::describe).collect(Collectors.joining("; "));
    }
    Flapping flap = new Flapping(proxy, primitive, new FlapSchedule(seed, effect.service(), primitive.flapPhase()),
        timer);
    flapping.put(effect, flap);
    flap.start();
    return "phases drawn from seed " + seed;
  }

  String revert(FaultEffect effect, NetworkPrimitive primitive, Proxy proxy) {
    Flapping flap = flapping.remove(effect);
    if (flap != null) {
      return flap.stop();
    }
    up(proxy, primitive);
    return "";
  }

  static void down(Proxy proxy, NetworkPrimitive primitive) {
    primitive.toxics().forEach(proxy::addToxic);
  }

  static void up(Proxy proxy, NetworkPrimitive primitive) {
    primitive.toxics().forEach(toxic -> proxy.removeToxic(toxic.name()));
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
