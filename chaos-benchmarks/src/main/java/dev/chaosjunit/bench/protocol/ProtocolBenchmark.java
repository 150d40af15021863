package dev.chaosjunit.bench.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.bench.Figure;
import dev.chaosjunit.bench.Route;
import dev.chaosjunit.bench.Workload;
import dev.chaosjunit.images.Images;
import io.grpc.Server;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Kafka producer throughput and gRPC unary calls per second: direct, through the engine as an L4
 * relay, and through the protocol-aware engine with a rule that never matches. A warm-up round, then
 * the measured one, printed with each row's ratio to the L4 relay (target: at least 90 %).
 * Needs Docker for the Kafka broker ({@code Images.kafka()}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProtocolBenchmark {

  private ProtocolBenchmark() {}

  public static void main(String[] args) throws Exception {
    Duration each = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 5);
    List<Workload> workloads = List.of(new KafkaProduce("bench", each), new GrpcUnaryCalls(32, each));
    List<Route> routes = List.of(new Direct(), new ProxyRoute(false), new ProxyRoute(true));
    Server grpc = GrpcUnaryCalls.startEchoServer();
    try (KafkaContainer kafka = new KafkaContainer(Images.kafka())) {
      kafka.start();
      URI broker = URI.create("kafka://" + kafka.getBootstrapServers());
      Map<String, InetSocketAddress> targets = Map.of("grpc", new InetSocketAddress("127.0.0.1", grpc.getPort()),
          "kafka", new InetSocketAddress("127.0.0.1", broker.getPort()));
      round(routes, workloads, targets);
      print(round(routes, workloads, targets), System.out);
    } finally {
      for (Route route : routes) {
        route.close();
      }
      grpc.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static Map<String, Map<String, Figure>> round(List<Route> routes, List<Workload> workloads,
      Map<String, InetSocketAddress> targets) throws Exception {
    Map<String, Map<String, Figure>> byWorkload = new LinkedHashMap<>();
    for (Workload workload : workloads) {
      for (Route route : routes) {
        try (Route.Fronted fronted = route.front(targets.get(workload.protocol()), workload.protocol())) {
          Figure figure = workload.run(fronted.address()).get(0);
          byWorkload.computeIfAbsent(figure.label(), k -> new LinkedHashMap<>()).put(route.name(), figure);
        }
      }
    }
    return byWorkload;
  }

  private static void print(Map<String, Map<String, Figure>> byWorkload, PrintStream out) {
    byWorkload.forEach((label, byRoute) -> {
      out.println(label);
      double l4 = byRoute.get("chaos-proxy L4").value();
      byRoute.forEach((route, f) -> out.printf("  %-28s %12.0f %-9s %5.0f %% of L4%n", route, f.value(), f.unit(),
          100 * f.value() / l4));
    });
  }

  private static final class Direct implements Route {
    @Override
    public String name() {
      return "direct";
    }

    @Override
    public Fronted front(InetSocketAddress upstream, String protocol) {
      return Route.direct(upstream);
    }
  }
}
