package dev.chaosjunit.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole stack boots green: real PostgreSQL, Redis and Kafka, gRPC and JWT mocks, real HTTP. */
class OrdersSmokeTest {

  static UpstreamMocks mocks;
  static OrdersApp app;
  static OrdersClient client;

  @BeforeAll
  static void start() {
    mocks = new UpstreamMocks();
    app = OrdersApp.start(Infrastructure.direct(mocks));
    client = new OrdersClient(app.port());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (app != null) {
      app.close();
    }
    if (mocks != null) {
      mocks.close();
    }
  }

  @Test
  void healthIsGreen() throws Exception {
    var response = client.health();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void createsAnOrderStoresItPublishesItsEventAndListsIt() throws Exception {
    String token = mocks.token("grace");

    var created = client.createOrder(token, "keyboard", 4999);
    var listed = client.listOrders(token);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).contains("\"userId\":\"grace\"", "\"currency\":\"EUR\"",
        "\"region\":\"eu-west\"", "\"reservationId\":\"r-1\"");
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).contains("\"item\":\"keyboard\"");
    assertThat(mocks.balance.requests(UpstreamMocks.RESERVE)).isNotEmpty();
    assertThat(eventsFor("grace")).anySatisfy(value -> assertThat(value).contains("keyboard"));
  }

  @Test
  void aSecondListingComesFromTheCacheAndACreationEvictsIt() throws Exception {
    String token = mocks.token("linus");
    client.createOrder(token, "mouse", 1500);
    assertThat(client.listOrders(token).body()).contains("mouse").doesNotContain("screen");

    client.createOrder(token, "screen", 19900);

    assertThat(client.listOrders(token).body()).contains("mouse", "screen");
  }

  @Test
  void refreshesTheSessionFromUserService() throws Exception {
    var refreshed = client.refreshSession(mocks.token("ada"));

    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    assertThat(refreshed.body()).contains("\"name\":\"Ada Lovelace\"", "customer");
    assertThat(mocks.users.requests(UpstreamMocks.GET_USER)).isNotEmpty();
  }

  @Test
  void rejectsARequestWithoutAValidToken() throws Exception {
    var anonymous = client.listOrders(null);
    var forged = client.listOrders(withSubject(mocks.token("eve"), "eve", "ada"));

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("Missing bearer token");
    assertThat(forged.statusCode()).isEqualTo(401);
  }

  @Test
  void rejectsAnInvalidOrderNamingTheField() throws Exception {
    var response = client.createOrder(mocks.token("grace"), "", 10);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Field [item] is required");
  }

  /** The token with its subject changed and the original signature kept. */
  private static String withSubject(String token, String from, String to) {
    String[] parts = token.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged = claims.replace("\"" + from + "\"", "\"" + to + "\"");
    assertThat(forged).isNotEqualTo(claims);
    return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
  }

  private static List<String> eventsFor(String user) {
    Map<String, Object> settings = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.KAFKA.getBootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "smoke-" + user,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (var consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(OrdersConfig.ORDER_EVENTS_TOPIC));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline) {
        List<String> values = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> event : consumer.poll(Duration.ofMillis(500))) {
          values.add(event.value());
        }
        List<String> mine = values.stream().filter(v -> v.contains("\"userId\":\"" + user + "\"")).toList();
        if (!mine.isEmpty()) {
          return mine;
        }
      }
      return List.of();
    }
  }
}
