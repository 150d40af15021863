package dev.chaosjunit.proxy.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.images.Images;
import dev.chaosjunit.proxy.testkit.CapturedSeeds;
import dev.chaosjunit.proxy.testkit.TrafficRecorder;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Captures kafka-clients' traffic with a real Kafka broker as seeds of {@link KafkaFuzzTest} (see {@link
 * CapturedSeeds}). Only the bootstrap connection passes the recorder (ApiVersions, Metadata, the admin's
 * requests it sends there): the broker's metadata points clients at its own address for the rest, which
 * {@link KafkaFuzzTest}'s built seeds cover (Produce, Fetch).
 */
@Tag("capture")
class KafkaCaptureTest {

  @Test
  void adminClient() throws Exception {
    try (KafkaContainer kafka = new KafkaContainer(Images.kafka())) {
      kafka.start();
      String[] broker = kafka.getBootstrapServers().split(":");
      try (TrafficRecorder recorder = TrafficRecorder.to(broker[0], Integer.parseInt(broker[1]))) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + recorder.port()))) {
          admin.createTopics(List.of(new NewTopic("orders", 3, (short) 1))).all().get();
          assertThat(admin.listTopics().names().get()).contains("orders");
          assertThat(admin.describeTopics(List.of("orders")).allTopicNames().get()).containsKey("orders");
        }
        assertThat(CapturedSeeds.save(KafkaFuzzTest.class, "session", "admin", recorder, new KafkaFuzzTest()::session))
            .isPositive();
      }
    }
  }
}
