package dev.chaosjunit.samples.orders;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static dev.chaosjunit.junit.Expectation.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosProtocol;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.FaultScenario;
import dev.chaosjunit.junit.ProxyEndpoint;
import dev.chaosjunit.junit.Scenario;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The orders service in a container (its classes and runtime jars copied into a {@code Images.jre()}
 * container before it starts: no image to build, no registry), wired only through the chaos proxies, which listen on the Docker
 * bridge gateway ({@code @ChaosTest(proxyHost = DOCKER_BRIDGE)}): its database, cache, Kafka (whose proxy
 * advertises its broker routes on the same address), gRPC upstreams and JWT issuer. The faults reach the
 * containerised service's own clients: pgjdbc through HikariCP, the Kafka producer, grpc-java.
 */
// tag::container[]
@ChaosTest(proxyHost = ChaosTest.DOCKER_BRIDGE)
class OrdersInContainerTest {
  // end::container[]

  static final UpstreamMocks upstreams = new UpstreamMocks();

  @Chaos("db") static PostgreSQLContainer db = Infrastructure.DB;
  @Chaos("cache") static GenericContainer<?> cache = Infrastructure.CACHE;
  @Chaos("kafka") static KafkaContainer kafka = Infrastructure.KAFKA;
  @Chaos(value = "geo-config", protocol = ChaosProtocol.GRPC)
  static InetSocketAddress geo = upstreams.geo.address();
  @Chaos(value = "user-service", protocol = ChaosProtocol.GRPC)
  static InetSocketAddress users = upstreams.users.address();
  @Chaos(value = "balance-api", protocol = ChaosProtocol.GRPC)
  static InetSocketAddress balance = upstreams.balance.address();
  @Chaos(value = "issuer", protocol = ChaosProtocol.HTTP)
  static InetSocketAddress issuer = new InetSocketAddress("127.0.0.1", upstreams.issuer.jwksUri().getPort());

  @FaultAssumption static Fault databaseWriteFails = Fault.on("db").postgres().query("INSERT*")
      .error("53100", "could not extend file: No space left on device");
  @FaultAssumption static Fault produceNotLeader = Fault.on("kafka").kafka().api("Produce")
      .topic(OrdersConfig.ORDER_EVENTS_TOPIC).error("NOT_LEADER_OR_FOLLOWER");
  @FaultAssumption static Fault userServiceUnavailable = Fault.on("user-service").grpc()
      .method("/" + UpstreamMocks.GET_USER).error("UNAVAILABLE", "user-service is restarting");

  static GenericContainer<?> orders;
  static OrdersClient client;

  @BeforeAll
  static void start(ChaosTopology topology) throws Exception {
    orders = service().withEnv(environment(topology)).withExposedPorts(8080)
        .waitingFor(Wait.forHttp("/healthz").forStatusCode(200).withStartupTimeout(Duration.ofSeconds(90)));
    orders.start();
    client = new OrdersClient(orders.getMappedPort(8080));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (orders != null) {
      orders.stop();
    }
    upstreams.close();
  }

  /**
   * The service's compiled classes and runtime class path (copied there by the build) in a JRE container: a
   * service with an image of its own (Jib, a Dockerfile) starts from that image instead. Copying them in takes
   * about a second where building an image of them took five. Its JVM starts cold in every run: C1 only and the
   * serial collector bring it up in less time on a small machine.
   */
  private static GenericContainer<?> service() {
    Path target = Path.of("target");
    return new GenericContainer<>(Images.jre())
        .withCopyFileToContainer(MountableFile.forHostPath(target.resolve("orders-image/lib")), "/app/lib")
        .withCopyFileToContainer(MountableFile.forHostPath(target.resolve("classes")), "/app/classes")
        .withCommand("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", "/app/classes:/app/lib/*",
            OrdersApp.class.getName());
  }

  /** Every address is a proxy's, as the container reaches it ({@link ProxyEndpoint#forContainers()}). */
  // tag::container[]
  private static Map<String, String> environment(ChaosTopology topology) {
    ProxyEndpoint issuerProxy = topology.proxy("issuer");
    return Map.ofEntries(Map.entry("ORDERS_HTTP_HOST", "0.0.0.0"), Map.entry("ORDERS_HTTP_PORT", "8080"),
        Map.entry("ORDERS_JDBC_URL", topology.proxy("db").jdbcUrl()),
        Map.entry("ORDERS_DB_USER", db.getUsername()), Map.entry("ORDERS_DB_PASSWORD", db.getPassword()),
        Map.entry("ORDERS_REDIS_URI", "redis://" + topology.proxy("cache").forContainers()),
        Map.entry("ORDERS_KAFKA_BOOTSTRAP", topology.proxy("kafka").bootstrapServers()),
        Map.entry("ORDERS_GEO_TARGET", topology.proxy("geo-config").forContainers()),
        Map.entry("ORDERS_USER_TARGET", topology.proxy("user-service").forContainers()),
        Map.entry("ORDERS_BALANCE_TARGET", topology.proxy("balance-api").forContainers()),
        Map.entry("ORDERS_JWKS_URI", issuerProxy.rewrite(upstreams.issuer.jwksUri().toString())),
        Map.entry("ORDERS_ISSUER", upstreams.issuer.issuer()));
  }
  // end::container[]

  @Scenario
  HttpResponse<String> createOrder() throws IOException, InterruptedException {
    return client.createOrder(upstreams.token("container-" + UUID.randomUUID()), "kettle", 4200);
  }

  @Scenario
  HttpResponse<String> tokenRefresh() throws IOException, InterruptedException {
    return client.refreshSession(upstreams.token("ada"));
  }

  @FaultScenario(scenario = "createOrder", fault = "databaseWriteFails", expect = ERROR, within = "5s")
  void aFailedInsertIsA503NamingItsSqlState(Cell cell) {
    assertThat(cell.outcome().httpStatus()).hasValue(503);
    assertThat(body(cell)).contains("\"dependency\":\"database\"", "53100");
  }

  @FaultScenario(scenario = "createOrder", fault = "produceNotLeader", expect = SUCCESS, within = "10s")
  void aProduceErrorReachesTheContainersProducerAndTheOrderIsStillTaken(Cell cell) {
    assertThat(cell.outcome().httpStatus()).hasValue(201);
  }

  @FaultScenario(scenario = "tokenRefresh", fault = "userServiceUnavailable", expect = ERROR, within = "5s")
  void anUnavailableUserServiceIsA503(Cell cell) {
    assertThat(cell.outcome().httpStatus()).hasValue(503);
    assertThat(body(cell)).contains("\"dependency\":\"user-service\"");
  }

  /** Without a fault, the containerised producer's event reaches Kafka through the proxy's broker route. */
  @FaultScenario(scenario = "createOrder", fault = FaultMatrix.NO_FAULT, expect = SUCCESS, within = "5s")
  void anOrderIsStoredAndItsEventPublishedThroughTheProxies(Cell cell, ChaosTopology topology) {
    assertThat(cell.outcome().httpStatus()).hasValue(201);
    String id = field(body(cell), "id");
    assertThat(eventsFor(topology.proxy("kafka").bootstrapServers(), id)).as("order %s's event", id).isNotEmpty();
  }

  private static List<String> eventsFor(String bootstrapServers, String orderId) {
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    TopicPartition partition = new TopicPartition(OrdersConfig.ORDER_EVENTS_TOPIC, 0);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (System.nanoTime() < deadline) {
        List<String> matching = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (orderId.equals(record.key())) {
            matching.add(record.value());
          }
        }
        if (!matching.isEmpty()) {
          return matching;
        }
      }
      return List.of();
    }
  }

  private static String field(String json, String name) {
    Matcher matcher = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
    assertThat(matcher.find()).as("%s in %s", name, json).isTrue();
    return matcher.group(1);
  }

  private static String body(Cell cell) {
    return ((HttpResponse<?>) cell.outcome().value()).body().toString();
  }
}
