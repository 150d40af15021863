package dev.chaosjunit.bench;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Workloads on routes: their servers, one round at a time (each route runs every workload it supports,
 * routes interleaved and rotated from round to round), into one report. A failed cell becomes a note;
 * the other cells still run.
 */
final class Suite implements AutoCloseable {

  private final List<Route> routes;
  private final List<Workload> workloads;
  private final Report report;
  private final Map<String, InetSocketAddress> targets = new HashMap<>();
  private final Map<String, Workload.AdvertisedRelay> relays = new HashMap<>();
  private final List<AutoCloseable> servers = new ArrayList<>();
  private int measuredRounds;

  Suite(List<Route> routes, List<Workload> workloads, Report report) {
    this.routes = routes;
    this.workloads = workloads;
    this.report = report;
  }

  Report report() {
    return report;
  }

  /** A server the suite did not start itself but closes at the end, for workloads speaking {@code protocol}. */
  void serve(String protocol, InetSocketAddress address, AutoCloseable server) {
    servers.add(server);
    targets.put(protocol, address);
  }

  /** Starts the server of every workload whose protocol has none yet. */
  void startServers() throws Exception {
    for (Workload workload : workloads) {
      if (!targets.containsKey(workload.protocol())) {
        Workload.Server server = workload.startServer();
        serve(workload.protocol(), server.address(), server);
        server.advertisedRelay().ifPresent(relay -> relays.put(workload.protocol(), relay));
      }
    }
  }

  /**
   * One round; a warm-up round's figures are dropped. Each measured round starts one route later than
   * the one before (the routes rotate; the first keeps the declared order, which the report's rows
   * follow), so no route always runs first or right after another: over as many measured rounds as
   * there are routes, each route runs once in each position.
   */
  void round(boolean measured) {
    Report into = measured ? report : new Report(report);
    List<Route> order = new ArrayList<>(routes);
    Collections.rotate(order, measured ? -measuredRounds++ : 0);
    for (Route route : order) {
      if (!route.available()) {
        report.note(route.name() + " skipped: " + route.unavailableReason());
        continue;
      }
      for (Workload workload : workloads) {
        if (route.supports(workload.protocol())) {
          measure(route, workload, into);
        }
      }
    }
  }

  private void measure(Route route, Workload workload, Report into) {
    String protocol = workload.protocol();
    Optional<Workload.AdvertisedRelay> relay = Optional.ofNullable(relays.get(protocol));
    Optional<String> threads = route.relayThreads();
    try (Route.Fronted fronted = route.front(targets.get(protocol), protocol, relay)) {
      Optional<ThreadUsage> before = threads.map(ThreadUsage::ofThreadsNamed);
      List<Figure> figures = workload.run(fronted.address());
      Optional<ThreadUsage> used = before.map(b -> ThreadUsage.ofThreadsNamed(threads.get()).since(b));
      figures.forEach(f -> into.add(route.name(), f));
      used.ifPresent(u -> figures.stream().filter(f -> f.operations() > 0)
          .forEach(f -> u.perOperation(f).forEach(perOperation -> into.add(route.name(), perOperation))));
    } catch (Exception e) {
      report.note(route.name() + " / " + workload.getClass().getSimpleName() + " failed: " + e);
    }
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable route : routes) {
      route.close();
    }
    for (AutoCloseable server : servers) {
      server.close();
    }
  }
}
