package dev.chaosjunit.proxy.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.kafka.KafkaContainer;

/** kafka-clients through a proxy with the kafka inspector, in front of a real broker in a container. */
class KafkaProxyAcceptanceTest {

  private static final KafkaContainer KAFKA = new KafkaContainer(Images.kafka());
  private static ProxyEngine engine;

  private Proxy proxy;
  private String topic;
  private final List<AutoCloseable> clients = new ArrayList<>();

  @BeforeAll
  static void startBroker() {
    KAFKA.start();
    engine = ProxyEngine.start();
  }

  @AfterAll
  static void stopBroker() {
    engine.close();
    KAFKA.stop();
  }

  @BeforeEach
  void createProxyAndTopics() throws Exception {
    proxy = engine.create(ProxySpec.of("kafka-" + UUID.randomUUID(), "127.0.0.1:0", KAFKA.getBootstrapServers())
        .withProtocol("kafka"));
    topic = "orders-" + UUID.randomUUID().toString().substring(0, 8);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1), new NewTopic("payments-" + topic, 1, (short) 1)))
          .all().get(30, TimeUnit.SECONDS);
    }
  }

  @AfterEach
  void closeClients() throws Exception {
    for (AutoCloseable client : clients) {
      client.close();
    }
    engine.remove(proxy.name());
  }

  @Test
  void aProducerRetriesARetriableErrorAndItsRecordLandsOnceTheRuleIsRemoved() throws Exception {
    proxy.addRule(error("not-leader", Map.of("api", "PRODUCE", "topic", "orders-*"), "NOT_LEADER_OR_FOLLOWER"));
    KafkaProducer<String, String> producer = producer(proxyAddress(), "all");

    Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(topic, "k", "v1"));
    waitUntil(() -> proxy.ruleCounters("not-leader").fired() >= 3, Duration.ofSeconds(20));
    assertThat(sent).isNotDone();
    proxy.removeRule("not-leader");

    assertThat(sent.get(20, TimeUnit.SECONDS).topic()).isEqualTo(topic);
    assertThat(consumeDirectly(topic, 1)).containsExactly("v1");
  }

  /**
   * A broker that is not the leader refuses every in-flight batch of the partition, not only the first:
   * an idempotent producer with five batches in flight must see the error on all of them, or its later
   * batches reach the broker out of sequence and the producer stalls on OUT_OF_ORDER_SEQUENCE_NUMBER.
   */
  @Test
  void anIdempotentProducerLosesNothingToATransientNotLeaderError() throws Exception {
    proxy.addRule(new Rule("not-leader", "", Direction.UPSTREAM, Map.of("api", "PRODUCE", "topic", topic),
        Action.Error.of("NOT_LEADER_OR_FOLLOWER", ""), 1, 0, 3));
    Properties small = new Properties();
    small.put(ProducerConfig.BATCH_SIZE_CONFIG, 256);
    small.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    KafkaProducer<String, String> producer = producer(proxyAddress(), "all", small);

    List<Future<RecordMetadata>> sent = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      values.add("order-" + i);
      sent.add(producer.send(new ProducerRecord<>(topic, "k", values.get(i))));
    }
    for (Future<RecordMetadata> each : sent) {
      each.get(30, TimeUnit.SECONDS);
    }

    assertThat(proxy.ruleCounters("not-leader").fired()).isEqualTo(3);
    assertThat(consumeDirectly(topic, 1000)).containsExactlyElementsOf(values);
  }

  @Test
  void aNonRetriableErrorSurfacesToTheApplication() {
    proxy.addRule(error("denied", Map.of("api", "PRODUCE", "topic", topic), "TOPIC_AUTHORIZATION_FAILED"));
    KafkaProducer<String, String> producer = producer(proxyAddress(), "1");

    assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "k", "v")).get(20, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
  }

  @Test
  void aConsumerGroupKeepsConsumingWhileAnotherTopicIsFaulted() throws Exception {
    proxy.addRule(error("payments-down", Map.of("api", "PRODUCE", "topic", "payments-*"), "NOT_LEADER_OR_FOLLOWER"));
    KafkaProducer<String, String> producer = producer(proxyAddress(), "all");
    for (int i = 0; i < 20; i++) {
      producer.send(new ProducerRecord<>("payments-" + topic, "k" + i, "p" + i));
      producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i));
    }

    KafkaConsumer<String, String> consumer = consumer(proxyAddress(), "group-" + topic);
    consumer.subscribe(List.of(topic));
    assertThat(poll(consumer, 20)).hasSize(20);
    consumer.commitSync();
    assertThat(proxy.ruleCounters("payments-down").fired()).as("payments failing meanwhile").isPositive();
    clients.remove(producer);
    producer.close(Duration.ZERO);
  }

  @Test
  void everyConnectionTheClientsOpenGoesToTheProxy() throws Exception {
    KafkaProducer<String, String> producer = producer(proxyAddress(), "all");
    producer.send(new ProducerRecord<>(topic, "k", "v")).get(20, TimeUnit.SECONDS);
    KafkaConsumer<String, String> consumer = consumer(proxyAddress(), "group-" + topic);
    consumer.subscribe(List.of(topic));
    assertThat(poll(consumer, 1)).hasSize(1);
    consumer.commitSync();

    assertThat(proxy.routes()).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("broker-1");
      assertThat(r.connectionsAccepted()).isPositive();
    });
    int proxyPort = proxy.routes().get(0).listenAddress().getPort();
    assertThat(producer.partitionsFor(topic)).allSatisfy(p -> assertThat(p.leader().port()).isEqualTo(proxyPort));
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, proxyAddress()))) {
      assertThat(admin.describeCluster().nodes().get(20, TimeUnit.SECONDS)).extracting(Node::port).containsOnly(proxyPort);
      Node coordinator = admin.describeConsumerGroups(List.of("group-" + topic)).all().get(20, TimeUnit.SECONDS)
          .get("group-" + topic).coordinator();
      assertThat(coordinator.port()).isEqualTo(proxyPort);
    }
    assertThat(proxy.stats().connectionsAccepted())
        .as("bootstrap, broker and group coordinator connections of producer, consumer and admin").isGreaterThanOrEqualTo(5);
  }

  @Test
  void aFetchErrorOnOneTopicLeavesTheOtherTopicsRecordsFlowing() throws Exception {
    KafkaProducer<String, String> producer = producer(proxyAddress(), "all");
    for (int i = 0; i < 5; i++) {
      producer.send(new ProducerRecord<>(topic, "k", "order" + i));
      producer.send(new ProducerRecord<>("payments-" + topic, "k", "payment" + i));
    }
    producer.flush();
    proxy.addRule(error("no-payments", Map.of("api", "FETCH", "topic", "payments-*"), "NOT_LEADER_OR_FOLLOWER"));

    KafkaConsumer<String, String> consumer = consumer(proxyAddress(), "group-" + topic);
    consumer.subscribe(List.of(topic, "payments-" + topic));
    List<String> values = poll(consumer, 5);
    values.addAll(poll(consumer, 0));
    assertThat(values).containsExactly("order0", "order1", "order2", "order3", "order4");
    assertThat(proxy.ruleCounters("no-payments").fired()).isPositive();

    proxy.removeRule("no-payments");
    assertThat(poll(consumer, 5)).containsExactly("payment0", "payment1", "payment2", "payment3", "payment4");
  }

  @Test
  void anAcksZeroProducerLosesOnlyTheFaultedTopicAndDoesNotStall() throws Exception {
    proxy.addRule(error("lost", Map.of("api", "PRODUCE", "topic", topic), "NOT_LEADER_OR_FOLLOWER"));
    KafkaProducer<String, String> lossy = producer(proxyAddress(), "0");
    for (int i = 0; i < 50; i++) {
      lossy.send(new ProducerRecord<>(topic, "k", "lost" + i));
      lossy.send(new ProducerRecord<>("payments-" + topic, "k", "kept" + i));
    }
    lossy.flush();
    waitUntil(() -> proxy.ruleCounters("lost").fired() >= 1, Duration.ofSeconds(20));
    lossy.send(new ProducerRecord<>("payments-" + topic, "k", "last")).get(20, TimeUnit.SECONDS);

    assertThat(consumeDirectly("payments-" + topic, 51)).hasSize(51).contains("kept0", "kept49", "last");
    assertThat(consumeDirectly(topic, 0)).isEmpty();
  }

  @Test
  void aDuplicatedProduceFromANonIdempotentProducerIsWrittenTwice() throws Exception {
    proxy.addRule(new Rule("twice", "", Direction.UPSTREAM, Map.of("api", "PRODUCE", "topic", topic),
        new Action.Duplicate(), 1, 0, 1));
    KafkaProducer<String, String> producer = producer(proxyAddress(), "1");
    producer.send(new ProducerRecord<>(topic, "k", "once")).get(20, TimeUnit.SECONDS);

    assertThat(consumeDirectly(topic, 2)).containsExactly("once", "once");
  }

  private String proxyAddress() {
    return "127.0.0.1:" + proxy.listenAddress().getPort();
  }

  private KafkaProducer<String, String> producer(String bootstrap, String acks) {
    return producer(bootstrap, acks, new Properties());
  }

  private KafkaProducer<String, String> producer(String bootstrap, String acks, Properties more) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, acks);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, acks.equals("all"));
    props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 200);
    props.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 500);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.putAll(more);
    KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    clients.add(producer);
    return producer;
  }

  private KafkaConsumer<String, String> consumer(String bootstrap, String group) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    clients.add(consumer);
    return consumer;
  }

  private List<String> consumeDirectly(String fromTopic, int expected) {
    try (KafkaConsumer<String, String> consumer = consumer(KAFKA.getBootstrapServers(), "check-" + UUID.randomUUID())) {
      clients.remove(consumer);
      consumer.subscribe(List.of(fromTopic));
      List<String> values = poll(consumer, expected);
      values.addAll(poll(consumer, 0));
      return values;
    }
  }

  private static List<String> poll(KafkaConsumer<String, String> consumer, int expected) {
    List<String> values = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(expected == 0 ? 1 : 30);
    while (System.nanoTime() < deadline && (expected == 0 || values.size() < expected)) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
        values.add(record.value());
      }
    }
    return values;
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within " + timeout).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static Rule error(String name, Map<String, String> match, String code) {
    return new Rule(name, "", Direction.UPSTREAM, match, Action.Error.of(code, ""), 1, 0, 0);
  }
}
