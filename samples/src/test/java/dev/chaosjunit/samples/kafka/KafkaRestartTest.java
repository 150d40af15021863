package dev.chaosjunit.samples.kafka;

import static dev.chaosjunit.junit.Expectation.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A Kafka broker killed and started again (a new host port, while it still advertises the one it was
 * started with) behind its proxy: the same producer and consumer instances, which know only the proxy's
 * addresses, deliver and receive again with no reconfiguration, restart after restart.
 */
@ChaosTest
class KafkaRestartTest {

  private static final String TOPIC = "restarts";

  /** C1 only and the serial collector: the broker's JVM starts (and starts again) in about half the time. */
  @Chaos("kafka") static KafkaContainer kafka = new KafkaContainer(Images.kafka())
      .withEnv("KAFKA_JVM_PERFORMANCE_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.awt.headless=true");

  @FaultAssumption static Fault restarted = Fault.on("kafka").container().detectedWithin(Duration.ofSeconds(30)).restart();
  @FaultAssumption static Fault restartedAgain =
      Fault.on("kafka").container().detectedWithin(Duration.ofSeconds(30)).restart();

  static KafkaProducer<String, String> producer;
  static KafkaConsumer<String, String> consumer;

  @BeforeAll
  static void connect(ChaosTopology topology) throws Exception {
    String bootstrap = topology.proxy("kafka").bootstrapServers();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000, ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500),
        new StringSerializer(), new StringSerializer());
    consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "restart-readers", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500), new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(List.of(TOPIC));
  }

  @AfterAll
  static void close() {
    if (consumer != null) {
      consumer.close(Duration.ofSeconds(2));
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(2));
    }
  }

  /** Sends one record and polls until the same consumer reads it back; the record's broker address. */
  @Scenario
  String produceAndConsume() throws Exception {
    String value = UUID.randomUUID().toString();
    producer.send(new ProducerRecord<>(TOPIC, value)).get(40, TimeUnit.SECONDS);
    for (Instant end = Instant.now().plusSeconds(40); Instant.now().isBefore(end); ) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
        if (record.value().equals(value)) {
          consumer.commitSync(Duration.ofSeconds(10));
          return "read back at offset " + record.offset();
        }
      }
    }
    throw new IllegalStateException("record " + value + " was delivered but not read back within 40 s");
  }

  @FaultMatrix(timeout = "90s")
  void restartsBehindTheProxy(Cell cell) {
    assertThat(cell.expectation()).isEqualTo(SUCCESS);
    assertThat(cell.outcome().value()).asString().startsWith("read back at offset");
  }
}
