package dev.chaosjunit.images.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.images.Images;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/** NATS through Testcontainers, one publish and one receive with jnats. */
class NatsSmokeTest {

  @Test
  void publishThenReceiveWithJnats() throws Exception {
    try (GenericContainer<?> nats = new GenericContainer<>(Images.nats())
        .withExposedPorts(4222)
        .waitingFor(Wait.forLogMessage(".*Server is ready.*", 1)
            .withStartupTimeout(Startup.TIMEOUT))) {
      nats.start();
      String url = "nats://" + nats.getHost() + ":" + nats.getMappedPort(4222);
      try (Connection connection = Nats.connect(url)) {
        Subscription subscription = connection.subscribe("smoke");
        connection.publish("smoke", "nats-ok".getBytes(StandardCharsets.UTF_8));
        Message message = subscription.nextMessage(Duration.ofSeconds(10));

        assertThat(message).isNotNull();
        assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("nats-ok");
      }
    }
  }
}
