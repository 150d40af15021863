package dev.chaosjunit.samples.orders;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosProtocol;
import dev.chaosjunit.junit.SoakPlan;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The orders service under a seeded soak, started by its concrete classes with the resilience features they
 * judge: the shared containers, the service with its upstream mocks, and the chaos plan. Run by
 * {@code samples/soak}, not by the samples' main command (no Test suffix), each class in a JVM of its own: a
 * restart moves PostgreSQL's host port, which the next class's proxies would not see, and the service here
 * is closed after its class.
 */
abstract class OrdersUnderSoak {

  static final RunningOrders orders = new RunningOrders();

  @Chaos(value = "user-service", protocol = ChaosProtocol.GRPC)
  static InetSocketAddress userService = orders.upstreams.users.address();

  /** How long the soak runs: {@code -Dorders.soak.seconds}, 60 s by default ({@code samples/soak 300}: 5 minutes). */
  static final Duration DURATION = Duration.ofSeconds(Long.getLong("orders.soak.seconds", 60));

  @Chaos("db") static PostgreSQLContainer db = Infrastructure.DB;
  @Chaos("cache") static GenericContainer<?> cache = Infrastructure.CACHE;
  @Chaos("kafka") static KafkaContainer kafka = Infrastructure.KAFKA;

  // tag::plan[]
  static final List<Fault> FAULTS = List.of(
      Fault.on("db").container().kill(),
      Fault.on("db").container().restart(),
      Fault.on("cache").container().pause(),
      Fault.on("cache").network().flapping(Duration.ofSeconds(1)),
      Fault.on("user-service").network().partition(),
      Fault.on("kafka").container().detectedWithin(Duration.ofSeconds(30)).restart());

  /** Each fault held for 3 s, then 3 s for the service to work again; at most 15 % of the events may be flakes. */
  static SoakPlan plan(Duration duration, List<Fault> faults) {
    return new SoakPlan(duration, Duration.ofSeconds(3), Duration.ofSeconds(3), 15, faults);
  }
  // end::plan[]

  /** The faults that leave a client waiting on a connection that no longer answers: the cache's and user-service's. */
  static final List<Fault> WEDGING = FAULTS.stream().filter(fault -> fault.effects().stream()
      .allMatch(effect -> effect.service().equals("cache") || effect.service().equals("user-service"))).toList();

  @AfterAll
  static void stop() throws InterruptedException {
    orders.close();
  }

  /** One customer round: place an order, read the listing, refresh the session; fails unless all answer 2xx. */
  Object placeAndRead() throws IOException, InterruptedException {
    OrdersClient client = orders.client();
    UpstreamMocks mocks = orders.upstreams;
    ok("place an order", client.createOrder(mocks.token(OrdersMatrix.WRITER), "book", 2500));
    ok("list orders", client.listOrders(mocks.token(OrdersMatrix.READER)));
    return ok("refresh the session", client.refreshSession(mocks.token("ada")));
  }

  private static HttpResponse<String> ok(String call, HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(call + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return response;
  }
}
