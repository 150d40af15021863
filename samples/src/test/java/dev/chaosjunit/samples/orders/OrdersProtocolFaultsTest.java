package dev.chaosjunit.samples.orders;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static dev.chaosjunit.junit.Expectation.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosProtocol;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.FaultScenario;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Protocol-level faults against the orders service, one cell each, every fault required to fire:
 * what the service does with a Redis {@code READONLY} and a nil, a PostgreSQL statement cancel, a
 * Kafka produce error and a gRPC {@code RESOURCE_EXHAUSTED}.
 */
@ChaosTest
class OrdersProtocolFaultsTest {

  static final UpstreamMocks upstreams = new UpstreamMocks();
  static final AtomicInteger freshUsers = new AtomicInteger();

  // tag::services-and-faults[]
  @Chaos("db") static PostgreSQLContainer db = Infrastructure.DB;
  @Chaos("cache") static GenericContainer<?> cache = Infrastructure.CACHE;
  @Chaos("kafka") static KafkaContainer kafka = Infrastructure.KAFKA;
  @Chaos(value = "balance-api", protocol = ChaosProtocol.GRPC)
  static InetSocketAddress balanceApi = upstreams.balance.address();

  @FaultAssumption static Fault cacheReadOnly = Fault.on("cache").redis().command("SET")
      .error("READONLY You can't write against a read only replica.");
  @FaultAssumption static Fault cacheNil = Fault.on("cache").redis().command("GET").respondNil();
  @FaultAssumption static Fault selectCanceled = Fault.on("db").postgres().query("SELECT*")
      .error("57014", "canceling statement due to statement timeout");
  @FaultAssumption static Fault produceNotLeader = Fault.on("kafka").kafka().api("Produce")
      .topic(OrdersConfig.ORDER_EVENTS_TOPIC).error("NOT_LEADER_OR_FOLLOWER");
  @FaultAssumption static Fault balanceExhausted = Fault.on("balance-api").grpc()
      .method("/" + UpstreamMocks.RESERVE).error("RESOURCE_EXHAUSTED", "reservation quota exceeded");
  // end::services-and-faults[]

  static OrdersApp app;
  static OrdersClient client;

  @BeforeAll
  static void start(ChaosTopology topology) throws Exception {
    app = OrdersApp.start(new OrdersConfig(0, topology.proxy("db").jdbcUrl(), db.getUsername(),
        db.getPassword(), "redis://" + topology.proxy("cache").hostPort(),
        topology.proxy("kafka").bootstrapServers(), upstreams.geo.target(), upstreams.users.target(),
        topology.proxy("balance-api").hostPort(), upstreams.issuer.jwksUri(), upstreams.issuer.issuer(),
        OrdersConfig.Resilience.full()));
    client = new OrdersClient(app.port());
    assertThat(client.createOrder(upstreams.token("collector"), "vase", 1200).statusCode()).isEqualTo(201);
    assertThat(client.listOrders(upstreams.token("collector")).body()).contains("vase");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (app != null) {
      app.close();
    }
    upstreams.close();
  }

  @Scenario
  HttpResponse<String> createOrder() throws IOException, InterruptedException {
    return client.createOrder(upstreams.token("collector"), "bowl", 800);
  }

  /** Lists the orders of the collector (cached by the listing in {@code start}). */
  @Scenario
  HttpResponse<String> listOrders() throws IOException, InterruptedException {
    return client.listOrders(upstreams.token("collector"));
  }

  /** Lists the (empty) orders of a user never seen before: a cache miss, then a database read. */
  @Scenario
  HttpResponse<String> listUncached() throws IOException, InterruptedException {
    return client.listOrders(upstreams.token("newcomer-" + freshUsers.incrementAndGet()));
  }

  // tag::fault-scenarios[]
  @FaultScenario(scenario = "listUncached", fault = "cacheReadOnly", expect = SUCCESS, within = "5s")
  void aReadOnlyCacheIsNotFilledAndTheListingStillServed(Cell cell) {
    assertThat(cell.outcome().httpStatus()).hasValue(200);
  }

  @FaultScenario(scenario = "listOrders", fault = "cacheNil", expect = SUCCESS, within = "5s")
  void aCacheAnsweringNilIsAMissServedFromTheDatabase(Cell cell) {
    assertThat(body(cell)).contains("\"item\":\"vase\"");
  }

  @FaultScenario(scenario = "listUncached", fault = "selectCanceled", expect = ERROR, within = "5s")
  void aCanceledQueryIsA503NamingItsSqlState(Cell cell) {
    assertThat(body(cell)).contains("\"dependency\":\"database\"", "57014");
  }

  @FaultScenario(scenario = "createOrder", fault = "produceNotLeader", expect = SUCCESS, within = "5s")
  void aProduceErrorLosesTheEventButNotTheOrder(Cell cell) {
    assertThat(cell.outcome().httpStatus()).hasValue(201);
    assertThat(app.eventsFailed()).isPositive();
  }

  @FaultScenario(scenario = "createOrder", fault = "balanceExhausted", expect = ERROR, within = "5s")
  void aTransientUpstreamCodeIsRetriedThreeTimesThenA503(Cell cell) {
    assertThat(cell.totalFirings()).isEqualTo(3);
    assertThat(body(cell)).contains("\"dependency\":\"balance-api\"", "RESOURCE_EXHAUSTED");
  }
  // end::fault-scenarios[]

  private static String body(Cell cell) {
    return ((HttpResponse<?>) cell.outcome().value()).body().toString();
  }
}
