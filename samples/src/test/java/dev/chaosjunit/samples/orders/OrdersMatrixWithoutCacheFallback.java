package dev.chaosjunit.samples.orders;

import dev.chaosjunit.api.Chaos;
import dev.chaosjunit.api.ChaosProtocol;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A fixture, run by {@link ResilienceBugCaughtTest} (not by Surefire: no Test suffix): the orders
 * service with its cache fallback switched off, judged by the same matrix.
 */
@ChaosTest
class OrdersMatrixWithoutCacheFallback extends OrdersMatrix {

  static final UpstreamMocks upstreams = new UpstreamMocks();

  @Chaos("db") static PostgreSQLContainer db = Infrastructure.DB;
  @Chaos("cache") static GenericContainer<?> cache = Infrastructure.CACHE;
  @Chaos("kafka") static KafkaContainer kafka = Infrastructure.KAFKA;
  @Chaos(value = "user-service", protocol = ChaosProtocol.GRPC)
  static InetSocketAddress userService = upstreams.users.address();

  static OrdersApp app;
  static OrdersClient client;

  @BeforeAll
  static void start(ChaosTopology topology) throws Exception {
    app = startService(topology, upstreams, new OrdersConfig.Resilience(false, true));
    client = new OrdersClient(app.port());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (app != null) {
      app.close();
    }
    upstreams.close();
  }

  @Override
  OrdersApp app() {
    return app;
  }

  @Override
  OrdersClient client() {
    return client;
  }

  @Override
  UpstreamMocks mocks() {
    return upstreams;
  }
}
