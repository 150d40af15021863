package dev.chaosjunit.images.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.images.Images;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.kafka.KafkaContainer;

/** Kafka (KRaft) through Testcontainers' module class: one produce, one consume with kafka-clients. */
class KafkaSmokeTest {

  @Test
  void produceThenConsumeWithKafkaClients() throws Exception {
    try (KafkaContainer kafka =
        new KafkaContainer(Images.kafka()).withStartupTimeout(Startup.TIMEOUT)) {
      kafka.start();
      String servers = kafka.getBootstrapServers();
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(
          Map.of("bootstrap.servers", servers), new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>("smoke", "key", "kafka-ok")).get();
      }
      assertThat(consumeOne(servers)).isEqualTo("kafka-ok");
    }
  }

  private static String consumeOne(String servers) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
        ConsumerConfig.GROUP_ID_CONFIG, "smoke",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("smoke"));
      List<String> values = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
      assertThat(values).as("records on topic smoke within 30 s").isNotEmpty();
      return values.get(0);
    }
  }
}
