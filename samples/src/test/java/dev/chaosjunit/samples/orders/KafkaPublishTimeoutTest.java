package dev.chaosjunit.samples.orders;

import static dev.chaosjunit.junit.Expectation.HANG;
import static dev.chaosjunit.junit.Expectation.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.FaultScenario;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.kafka.KafkaContainer;

/**
 * What the {@code kafkaPublishTimeout} switch of {@link OrdersConfig.Resilience} does when Kafka stops
 * answering: a Kafka rule drops the produce requests for the orders topic (no response; the
 * connection stays up, metadata keeps flowing). With the switch on, an order is still accepted once
 * the bounded publish gives up (2 s delivery timeout), and its event is counted as lost, as
 * {@code OrdersService} documents. With it off, the order request hangs on the Kafka client's
 * defaults (30 s per request, 2 min per delivery): the switch is what keeps ordering available.
 */
@ChaosTest
class KafkaPublishTimeoutTest {

  static final UpstreamMocks upstreams = new UpstreamMocks();

  @Chaos("kafka") static KafkaContainer kafka = Infrastructure.KAFKA;

  @FaultAssumption static Fault produceUnanswered = Fault.on("kafka").kafka().api("Produce")
      .topic(OrdersConfig.ORDER_EVENTS_TOPIC).drop();

  static OrdersApp bounded;
  static OrdersApp unbounded;

  @BeforeAll
  static void start(ChaosTopology topology) throws Exception {
    bounded = startWarm(topology, true);
    unbounded = startWarm(topology, false);
  }

  /** Starts the service with Kafka through the proxy and publishes one event, so metadata is known. */
  private static OrdersApp startWarm(ChaosTopology topology, boolean publishTimeout)
      throws IOException, InterruptedException {
    OrdersConfig direct = Infrastructure.direct(upstreams);
    OrdersApp app = OrdersApp.start(new OrdersConfig(0, direct.jdbcUrl(), direct.dbUser(), direct.dbPassword(),
        direct.redisUri(), topology.proxy("kafka").bootstrapServers(), direct.geoTarget(), direct.userTarget(),
        direct.balanceTarget(), direct.jwksUri(), direct.issuer(), new OrdersConfig.Resilience(true, publishTimeout, true)));
    assertThat(order(app, "warm-up").statusCode()).isEqualTo(201);
    assertThat(app.eventsFailed()).isZero();
    return app;
  }

  @AfterAll
  static void stop() throws InterruptedException {
    for (OrdersApp app : new OrdersApp[] {unbounded, bounded}) {
      if (app != null) {
        app.close();
      }
    }
    upstreams.close();
  }

  static HttpResponse<String> order(OrdersApp app, String item) throws IOException, InterruptedException {
    return new OrdersClient(app.port()).createOrder(upstreams.token("publisher"), item, 4200);
  }

  @Scenario
  HttpResponse<String> orderWithPublishTimeout() throws IOException, InterruptedException {
    return order(bounded, "kettle");
  }

  @Scenario
  HttpResponse<String> orderWithoutPublishTimeout() throws IOException, InterruptedException {
    return order(unbounded, "teapot");
  }

  @FaultScenario(scenario = "orderWithPublishTimeout", fault = "produceUnanswered", expect = SUCCESS, within = "5s")
  void withTheSwitchTheOrderIsStoredAndItsEventCountedAsLost(Cell cell) throws Exception {
    assertThat(cell.outcome().httpStatus()).hasValue(201);
    assertThat(cell.outcome().duration()).as("the publish waited for Kafka, bounded")
        .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(5));
    assertThat(bounded.eventsFailed()).isEqualTo(1);
    assertThat(new OrdersClient(bounded.port()).listOrders(upstreams.token("publisher")).body())
        .as("the order is stored").contains("\"item\":\"kettle\"");
  }

  @FaultScenario(scenario = "orderWithoutPublishTimeout", fault = "produceUnanswered", expect = HANG, within = "3s")
  void withoutTheSwitchTheOrderRequestHangsOnKafka(Cell cell) {
    assertThat(cell.totalFirings()).as("the produce request was dropped").isPositive();
    assertThat(unbounded.eventsFailed()).as("nothing gave up yet").isZero();
  }
}
