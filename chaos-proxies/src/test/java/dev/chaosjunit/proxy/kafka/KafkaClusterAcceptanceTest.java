package dev.chaosjunit.proxy.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import dev.chaosjunit.proxy.Route;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * kafka-clients bootstrapped through one proxy in front of a real two-broker KRaft cluster: the proxy
 * opens one route per broker, so every connection the clients open goes through it, faults reach
 * partitions on either broker, and a leadership move keeps the producer on the proxy.
 */
class KafkaClusterAcceptanceTest {

  private static KafkaCluster cluster;
  private static ProxyEngine engine;

  private Proxy proxy;
  private String suffix;
  private final List<AutoCloseable> clients = new ArrayList<>();

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = new KafkaCluster().start();
    engine = ProxyEngine.start();
  }

  @AfterAll
  static void stopCluster() {
    engine.close();
    cluster.close();
  }

  @BeforeEach
  void createProxy() {
    proxy = engine.create(ProxySpec.of("kafka-" + UUID.randomUUID(), "127.0.0.1:0", cluster.bootstrap())
        .withProtocol("kafka"));
    suffix = UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void closeClients() throws Exception {
    for (AutoCloseable client : clients) {
      client.close();
    }
    engine.remove(proxy.name());
  }

  @Test
  void everyConnectionTheClientsOpenGoesThroughTheProxysRoutes() throws Exception {
    String orders = "orders-" + suffix;
    Admin admin = admin();
    createTopic(admin, new NewTopic(orders, Map.of(0, List.of(1), 1, List.of(2))));
    KafkaProducer<String, String> producer = producer();
    producer.send(new ProducerRecord<>(orders, 0, "k", "on-1")).get(30, TimeUnit.SECONDS);
    producer.send(new ProducerRecord<>(orders, 1, "k", "on-2")).get(30, TimeUnit.SECONDS);
    KafkaConsumer<String, String> consumer = consumer("group-" + suffix);
    consumer.subscribe(List.of(orders));
    assertThat(poll(consumer, 2)).containsExactlyInAnyOrder("on-1", "on-2");
    consumer.commitSync();

    Map<String, Integer> routePorts = routePorts();
    assertThat(routePorts).containsOnlyKeys("broker-1", "broker-2");
    assertThat(producer.partitionsFor(orders)).extracting(p -> p.leader().id(), p -> p.leader().port())
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1, routePorts.get("broker-1")),
            org.assertj.core.groups.Tuple.tuple(2, routePorts.get("broker-2")));
    assertThat(consumer.partitionsFor(orders)).extracting(p -> p.leader().port())
        .containsOnly(routePorts.get("broker-1"), routePorts.get("broker-2"));
    assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).extracting(Node::port)
        .containsExactlyInAnyOrderElementsOf(routePorts.values());
    assertThat(proxy.routes()).allSatisfy(r -> assertThat(r.connectionsAccepted()).as(r.key()).isPositive());
    assertNoConnectionBypassesTheProxy();
  }

  @Test
  void anErrorRuleOnATopicFiresOnAPartitionLedByBroker2() throws Exception {
    String payments = "payments-" + suffix;
    String audit = "audit-" + suffix;
    createTopic(admin(), new NewTopic(payments, Map.of(0, List.of(2))), new NewTopic(audit, Map.of(0, List.of(2))));
    proxy.addRule(new Rule("denied", "", Direction.UPSTREAM, Map.of("api", "PRODUCE", "topic", payments),
        Action.Error.of("TOPIC_AUTHORIZATION_FAILED", ""), 1, 0, 0));
    KafkaProducer<String, String> producer = producer();

    assertThatThrownBy(() -> producer.send(new ProducerRecord<>(payments, "k", "v")).get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
    assertThat(producer.send(new ProducerRecord<>(audit, "k", "v")).get(30, TimeUnit.SECONDS).offset()).isZero();

    assertThat(proxy.ruleCounters("denied").fired()).isPositive();
    assertThat(producer.partitionsFor(payments)).singleElement()
        .satisfies(p -> assertThat(p.leader().port()).isEqualTo(routePorts().get("broker-2")));
    assertThat(route("broker-2").connectionsAccepted()).isPositive();
    assertNoConnectionBypassesTheProxy();
  }

  @Test
  void aLeadershipMoveWhileProducingLeavesTheProducerOnTheProxy() throws Exception {
    String moving = "moving-" + suffix;
    Admin admin = admin();
    createTopic(admin, new NewTopic(moving, Map.of(0, List.of(1, 2))));
    KafkaProducer<String, String> producer = producer();
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sent.add(producer.send(new ProducerRecord<>(moving, 0, "k", "before-" + i)));
    }
    producer.flush();
    TopicPartition partition = new TopicPartition(moving, 0);

    admin.alterPartitionReassignments(Map.of(partition, Optional.of(new NewPartitionReassignment(List.of(2, 1)))))
        .all().get(30, TimeUnit.SECONDS);
    waitForLeader(admin, partition, 2, () -> sent.add(producer.send(new ProducerRecord<>(moving, 0, "k", "during"))));
    for (int i = 0; i < 20; i++) {
      sent.add(producer.send(new ProducerRecord<>(moving, 0, "k", "after-" + i)));
    }

    for (Future<RecordMetadata> f : sent) {
      assertThat(f.get(30, TimeUnit.SECONDS).partition()).isZero();
    }
    PartitionInfo info = producer.partitionsFor(moving).get(0);
    assertThat(info.leader().id()).isEqualTo(2);
    assertThat(info.leader().port()).isEqualTo(routePorts().get("broker-2"));
    assertNoConnectionBypassesTheProxy();
  }

  /** Elects the preferred leader until {@code leader} leads, producing meanwhile. */
  private static void waitForLeader(Admin admin, TopicPartition partition, int leader, Runnable produce)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (leaderOf(admin, partition) != leader) {
      assertThat(System.nanoTime()).as("partition " + partition + " led by " + leader).isLessThan(deadline);
      try {
        admin.electLeaders(ElectionType.PREFERRED, Set.of(partition)).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        // the reassignment is not complete yet (or the election is already done): try again
      }
      produce.run();
      Thread.sleep(100);
    }
  }

  private static int leaderOf(Admin admin, TopicPartition partition) throws Exception {
    return admin.describeTopics(List.of(partition.topic())).allTopicNames().get(30, TimeUnit.SECONDS)
        .get(partition.topic()).partitions().get(partition.partition()).leader().id();
  }

  /**
   * No connection of this JVM goes to a broker's own port but the proxy's upstream connections: each
   * proxied connection has exactly one, so a client connected directly would show up as one too many.
   */
  private void assertNoConnectionBypassesTheProxy() throws Exception {
    Set<Integer> brokerPorts = Set.of(cluster.port1, cluster.port2);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long direct;
    while ((direct = JvmSockets.connectedTo(brokerPorts) - proxy.stats().connectionsActive()) > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(direct).as("connections to the brokers' own ports not made by the proxy").isLessThanOrEqualTo(0);
    assertThat(JvmSockets.connectedTo(brokerPorts)).as("the proxy's own upstream connections").isPositive();
  }

  private Map<String, Integer> routePorts() {
    return proxy.routes().stream().collect(Collectors.toMap(Route::key, r -> r.listenAddress().getPort()));
  }

  private Route route(String key) {
    return proxy.routes().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
  }

  private String proxyAddress() {
    return "127.0.0.1:" + proxy.listenAddress().getPort();
  }

  private Admin admin() {
    Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, proxyAddress()));
    clients.add(admin);
    return admin;
  }

  private static void createTopic(Admin admin, NewTopic... topics) throws Exception {
    admin.createTopics(List.of(topics)).all().get(30, TimeUnit.SECONDS);
  }

  private KafkaProducer<String, String> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, proxyAddress());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 100);
    props.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 500);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    clients.add(producer);
    return producer;
  }

  private KafkaConsumer<String, String> consumer(String group) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, proxyAddress());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    clients.add(consumer);
    return consumer;
  }

  private static List<String> poll(KafkaConsumer<String, String> consumer, int expected) {
    List<String> values = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && values.size() < expected) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
        values.add(record.value());
      }
    }
    return values;
  }
}
