package dev.chaosjunit.junit.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.junit.ChaosProtocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceScannerTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "mongo:8.0, MONGODB",
      "chaos-local/mongodb-community-server:8.0-ubi9, MONGODB",
      "nats:2.10, NATS",
      "rabbitmq:4-management, AMQP",
      "memgraph/memgraph:2, TCP"})
  void theProtocolIsGuessedFromTheImageName(String image, ChaosProtocol protocol) {
    assertThat(ServiceScanner.guess(image)).isEqualTo(protocol);
  }
}
