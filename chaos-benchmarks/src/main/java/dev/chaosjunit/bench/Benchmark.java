package dev.chaosjunit.bench;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.apiguardian.api.API;

/**
 * Proxy overhead on this machine, in one run: every workload on every route (direct, the chaos proxy as a
 * server process and embedded, socat, plus routes registered as {@link Route} services), a warm-up round
 * first, then the measured round, printed with ratios. Run it with {@code chaos-benchmarks/run}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Benchmark {

  private static final long BULK_BYTES = 512L << 20;

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    List<Route> routes = routes();
    List<Workload> workloads = List.of(new PipelinedRedis(8, 16, Duration.ofSeconds(3)),
        new BulkTransfer(BULK_BYTES, 3), new RoundTrip(2_000, 20_000, Duration.ofSeconds(10)));
    Report report = new Report();
    try (RedisServer redis = RedisServer.start(); BulkSource bulk = new BulkSource(BULK_BYTES)) {
      report.note("redis: " + redis.description());
      report.note("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name")
          + " " + System.getProperty("java.version"));
      out.println("warming up (one unreported round)...");
      round(routes, workloads, redis.address(), bulk.address(), new Report());
      out.println("measuring...");
      round(routes, workloads, redis.address(), bulk.address(), report);
    } finally {
      for (Route route : routes) {
        route.close();
      }
    }
    report.print(out);
    Targets.print(report, ChaosServerRoute.NAME, out);
  }

  private static List<Route> routes() {
    List<Route> routes = new ArrayList<>(List.of(new DirectRoute(), new ChaosServerRoute(), new ChaosProxyRoute(),
        new SocatRoute()));
    ServiceLoader.load(Route.class).forEach(routes::add);
    return routes;
  }

  private static void round(List<Route> routes, List<Workload> workloads, InetSocketAddress redis,
      InetSocketAddress bulk, Report report) throws Exception {
    for (Route route : routes) {
      if (!route.available()) {
        report.note(route.name() + " skipped: " + route.unavailableReason());
        continue;
      }
      for (Workload workload : workloads) {
        InetSocketAddress target = workload.protocol().equals("redis") ? redis : bulk;
        try (Route.Fronted fronted = route.front(target, workload.protocol())) {
          workload.run(fronted.address()).forEach(f -> report.add(route.name(), f));
        }
      }
    }
  }
}
