package dev.chaosjunit.bench;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apiguardian.api.API;

/**
 * Proxy overhead on this machine, in one run: every workload on every route (direct, the chaos proxy as a
 * server process and embedded, socat, plus routes registered as {@link Route} services), a warm-up round
 * first, then three measured rounds (routes interleaved, so background noise spreads over all rows), printed
 * as medians with their range and ratios. Run it with {@code chaos-benchmarks/run}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Benchmark {

  private static final long BULK_BYTES = 256L << 20;
  private static final int ROUNDS = 3;

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    List<Route> routes = routes();
    List<Workload> workloads = workloads();
    Report report = new Report();
    List<AutoCloseable> servers = new ArrayList<>();
    try {
      Map<String, InetSocketAddress> targets = startServers(workloads, servers, report);
      out.println("warming up (one unreported round)...");
      round(routes, workloads, targets, new Report());
      for (int i = 1; i <= ROUNDS; i++) {
        out.println("measuring, round " + i + " of " + ROUNDS + "...");
        round(routes, workloads, targets, report);
      }
    } finally {
      closeAll(routes, servers);
    }
    report.print(out);
    Targets.print(report, ChaosServerRoute.NAME, out);
  }

  private static List<Workload> workloads() {
    List<Workload> workloads = new ArrayList<>(List.of(new PipelinedRedis(8, 16, Duration.ofSeconds(2)),
        new BulkTransfer(BULK_BYTES, 1), new RoundTrip(1_000, 10_000, Duration.ofSeconds(5))));
    ServiceLoader.load(Workload.class).forEach(workloads::add);
    return workloads;
  }

  /** The built-in Redis and bulk source, plus the servers of registered workloads, by protocol. */
  private static Map<String, InetSocketAddress> startServers(List<Workload> workloads, List<AutoCloseable> servers,
      Report report) throws Exception {
    RedisServer redis = RedisServer.start();
    servers.add(redis);
    BulkSource bulk = new BulkSource(BULK_BYTES);
    servers.add(bulk);
    report.note("redis: " + redis.description());
    report.note("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    Map<String, InetSocketAddress> targets = new HashMap<>(Map.of("redis", redis.address(), "tcp", bulk.address()));
    for (Workload workload : workloads) {
      if (!targets.containsKey(workload.protocol())) {
        Workload.Server server = workload.startServer();
        servers.add(server);
        targets.put(workload.protocol(), server.address());
      }
    }
    return targets;
  }

  private static void closeAll(List<Route> routes, List<AutoCloseable> servers) throws Exception {
    for (AutoCloseable closeable : routes) {
      closeable.close();
    }
    for (AutoCloseable closeable : servers) {
      closeable.close();
    }
  }

  private static List<Route> routes() {
    List<Route> routes = new ArrayList<>(List.of(new DirectRoute(), new ChaosServerRoute(),
        new ChaosServerRoute("chaos-proxy server, inspecting", true), new ChaosProxyRoute(), new SocatRoute()));
    ServiceLoader.load(Route.class).forEach(routes::add);
    return routes;
  }

  /** Runs one workload on one route; a failure becomes a note, and the other cells still run. */
  private static void measure(Route route, Workload workload, InetSocketAddress target, Report report) {
    try (Route.Fronted fronted = route.front(target, workload.protocol())) {
      workload.run(fronted.address()).forEach(f -> report.add(route.name(), f));
    } catch (Exception e) {
      report.note(route.name() + " / " + workload.getClass().getSimpleName() + " failed: " + e);
    }
  }

  private static void round(List<Route> routes, List<Workload> workloads, Map<String, InetSocketAddress> targets,
      Report report) {
    for (Route route : routes) {
      if (!route.available()) {
        report.note(route.name() + " skipped: " + route.unavailableReason());
        continue;
      }
      for (Workload workload : workloads) {
        if (route.supports(workload.protocol())) {
          measure(route, workload, targets.get(workload.protocol()), report);
        }
      }
    }
  }
}
