package dev.chaosjunit.proxy.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.images.Images;
import dev.chaosjunit.proxy.testkit.CapturedSeeds;
import dev.chaosjunit.proxy.testkit.TrafficRecorder;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Captures jnats' traffic with a real nats-server as seeds of {@link NatsFuzzTest} (see {@link
 * CapturedSeeds}): subscriptions with wildcards, PUB and HPUB, MSG and HMSG, a flush (PING/PONG).
 */
@Tag("capture")
class NatsCaptureTest {

  @Test
  void jnats() throws Exception {
    try (GenericContainer<?> nats = new GenericContainer<>(Images.nats()).withExposedPorts(4222)
        .waitingFor(Wait.forLogMessage(".*Server is ready.*", 1).withStartupTimeout(Duration.ofMinutes(2)))) {
      nats.start();
      try (TrafficRecorder recorder = TrafficRecorder.to(nats.getHost(), nats.getMappedPort(4222))) {
        try (Connection connection = Nats.connect(new Options.Builder().server("nats://127.0.0.1:" + recorder.port())
            .verbose().build())) {
          Subscription orders = connection.subscribe("orders.>");
          Subscription one = connection.subscribe("orders.*.eu");
          connection.publish("orders.placed.eu", "book".getBytes(StandardCharsets.UTF_8));
          Headers headers = new Headers().add("trace", "1");
          connection.publish(NatsMessage.builder().subject("orders.paid.eu").headers(headers)
              .data("pen".getBytes(StandardCharsets.UTF_8)).build());
          connection.flush(Duration.ofSeconds(5));
          Message first = orders.nextMessage(Duration.ofSeconds(5));
          assertThat(first).isNotNull();
          assertThat(one.nextMessage(Duration.ofSeconds(5))).isNotNull();
        }
        assertThat(CapturedSeeds.save(NatsFuzzTest.class, "session", "jnats", recorder, new NatsFuzzTest()::session))
            .isEqualTo(1);
      }
    }
  }
}
