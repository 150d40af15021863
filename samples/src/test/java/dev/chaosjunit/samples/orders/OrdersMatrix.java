package dev.chaosjunit.samples.orders;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static dev.chaosjunit.junit.Expectation.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.Expect;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.FaultMatrix;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The orders service's resilience matrix: 4 scenarios × 6 faults, the same expectations for every
 * configuration of the service. Concrete classes start the service (through the chaos proxies of
 * their {@code @Chaos} fields) with the resilience features they want to judge.
 *
 * <p>What a resilient orders service must do: a new order needs the database, so without it the
 * request fails fast (503 within the budget) instead of hanging; the cache, Kafka and user-service
 * are not needed to take an order. A listing is served from the cache while the database is down,
 * and from the database while the cache is down. Health is green whatever happens. A session
 * refresh needs user-service and fails fast without it.
 */
abstract class OrdersMatrix {

  /** Lists orders of a user whose listing is cached before the matrix runs. */
  static final String READER = "reader";
  static final String WRITER = "writer";

  @FaultAssumption static Fault databaseDown = Fault.on("db").refuseConnections();
  @FaultAssumption static Fault databaseSlow = Fault.on("db").latency(Duration.ofSeconds(3));
  @FaultAssumption static Fault databaseWriteFails = Fault.on("db").postgres().query("INSERT*")
      .error("53100", "could not extend file \"base/16384/16390\": No space left on device");
  @FaultAssumption static Fault cacheDown = Fault.on("cache").refuseConnections();
  @FaultAssumption static Fault kafkaUnavailable = Fault.on("kafka").refuseConnections();
  @FaultAssumption static Fault userServiceUnavailable = Fault.on("user-service").grpc()
      .method("/" + UpstreamMocks.GET_USER).error("UNAVAILABLE", "user-service is restarting");

  @Chaos("db") static PostgreSQLContainer db = Infrastructure.DB;
  @Chaos("cache") static GenericContainer<?> cache = Infrastructure.CACHE;
  @Chaos("kafka") static KafkaContainer kafka = Infrastructure.KAFKA;

  /** The service this class judges; its user-service mock is the subclass's {@code @Chaos} field. */
  abstract RunningOrders orders();

  OrdersApp app() {
    return orders().app();
  }

  OrdersClient client() {
    return orders().client();
  }

  UpstreamMocks mocks() {
    return orders().upstreams;
  }

  /** Starts the service against the proxies and caches the reader's listing. */
  static OrdersApp startService(ChaosTopology topology, UpstreamMocks mocks, OrdersConfig.Resilience resilience)
      throws IOException, InterruptedException {
    OrdersApp app = OrdersApp.start(throughProxies(topology, mocks).with(resilience));
    OrdersClient client = new OrdersClient(app.port());
    assertThat(client.createOrder(mocks.token(READER), "lamp", 3900).statusCode()).isEqualTo(201);
    assertThat(client.listOrders(mocks.token(READER)).body()).contains("lamp");
    return app;
  }

  /** The database, cache, Kafka and user-service through their proxies; the rest directly. */
  private static OrdersConfig throughProxies(ChaosTopology topology, UpstreamMocks mocks) {
    return new OrdersConfig(0, topology.proxy("db").jdbcUrl(), Infrastructure.DB.getUsername(),
        Infrastructure.DB.getPassword(), "redis://" + topology.proxy("cache").hostPort(),
        topology.proxy("kafka").bootstrapServers(), mocks.geo.target(),
        topology.proxy("user-service").hostPort(), mocks.balance.target(), mocks.issuer.jwksUri(),
        mocks.issuer.issuer(), OrdersConfig.Resilience.full());
  }

  @Scenario
  HttpResponse<String> createOrder() throws IOException, InterruptedException {
    return client().createOrder(mocks().token(WRITER), "book", 2500);
  }

  @Scenario
  HttpResponse<String> listOrders() throws IOException, InterruptedException {
    return client().listOrders(mocks().token(READER));
  }

  @Scenario
  HttpResponse<String> health() throws IOException, InterruptedException {
    return client().health();
  }

  /** A client gets a fresh token from the issuer and refreshes its session: user-service is asked. */
  @Scenario
  HttpResponse<String> tokenRefresh() throws IOException, InterruptedException {
    return client().refreshSession(mocks().token("ada"));
  }

  @FaultMatrix(expect = SUCCESS, within = "5s", baseline = false, timeout = "20s", readiness = "recovered")
  @Expect(scenario = "createOrder", fault = {"databaseDown", "databaseSlow", "databaseWriteFails"},
      value = ERROR, within = "5s")
  @Expect(scenario = "tokenRefresh", fault = "userServiceUnavailable", value = ERROR, within = "5s")
  @Expect(scenario = "health", fault = {"databaseDown", "cacheDown", "kafkaUnavailable"}, value = SUCCESS,
      within = "2s")
  // Off the scenario's path: the cell fails if the fault fires (the listing is cached; health calls nothing)
  @Expect(scenario = "health", fault = {"databaseSlow", "databaseWriteFails", "userServiceUnavailable"},
      value = SUCCESS, within = "2s", untouched = true)
  @Expect(scenario = "listOrders", fault = {"databaseSlow", "databaseWriteFails", "userServiceUnavailable"},
      value = SUCCESS, untouched = true)
  @Expect(scenario = "createOrder", fault = "userServiceUnavailable", value = SUCCESS, untouched = true)
  @Expect(scenario = "tokenRefresh", fault = {"databaseSlow", "databaseWriteFails"}, value = SUCCESS, untouched = true)
  void resilience(Cell cell) {
    if (cell.faultName().equals("kafkaUnavailable") && cell.scenario().equals("createOrder")) {
      assertThat(app().eventsFailed()).as("with Kafka down the order's event cannot be published").isPositive();
    }
    if (cell.expectation() == SUCCESS) {
      assertThat(cell.outcome().httpStatus().orElse(-1)).as("a success is a 2xx, not a 4xx")
          .isBetween(200, 299);
    } else {
      assertThat(cell.totalFirings()).as("the error must come from the fault").isPositive();
      assertThat(((HttpResponse<?>) cell.outcome().value()).body().toString()).contains("\"dependency\"");
    }
  }

  /**
   * Readiness before each cell: the database pool has reopened what the last fault closed, so that no
   * background reconnect lands in the next cell and fires its fault without the scenario.
   */
  boolean recovered() {
    return app().databasePoolFull();
  }
}
