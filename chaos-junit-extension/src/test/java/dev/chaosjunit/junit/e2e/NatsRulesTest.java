package dev.chaosjunit.junit.e2e;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.Expect;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.ProxyEndpoint;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * A nats-server container is taken for NATS from its image name (no protocol declared), and a NATS rule
 * reaches jnats as the server's own permissions violation, the connection staying open.
 */
class NatsRulesTest {

  @Test
  void aPublishIsRefusedWithThePermissionsViolation() {
    EngineExecutionResults results = Fixtures.run(Publishes.class, Map.of("chaos.seed", "5"));

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("publish × no fault", "publish × denied");
  }

  @TestFixture
  @ChaosTest
  static class Publishes {
    @Chaos(value = "bus", port = 4222) static GenericContainer<?> bus = new GenericContainer<>(Images.nats())
        .withExposedPorts(4222).waitingFor(Wait.forLogMessage(".*Server is ready.*", 1));

    @FaultAssumption static Fault denied = Fault.on("bus").nats().subject("orders.>").permissionsViolation();

    static final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
    static Connection connection;
    static Subscription orders;

    @BeforeAll
    static void connect(ChaosTopology topology) throws Exception {
      ProxyEndpoint proxy = topology.proxy("bus");
      connection = Nats.connect(new Options.Builder().server("nats://" + proxy.host() + ":" + proxy.port())
          .errorListener(new ErrorListener() {
            @Override
            public void errorOccurred(Connection conn, String error) {
              errors.add(error);
            }
          }).build());
      orders = connection.subscribe("orders.*");
    }

    @AfterAll
    static void close() throws Exception {
      connection.close();
    }

    /** Publishes an order and reads it back from the subscription; fails with the server's error when it is not delivered. */
    @Scenario
    String publish() throws Exception {
      connection.publish("orders.created", "{}".getBytes(StandardCharsets.UTF_8));
      Message message = orders.nextMessage(Duration.ofSeconds(2));
      if (message == null) {
        throw new IllegalStateException("not delivered: " + errors.poll());
      }
      return new String(message.getData(), StandardCharsets.UTF_8);
    }

    @FaultMatrix
    @Expect(scenario = "publish", fault = "denied", value = ERROR, within = "5s")
    void rules(Cell cell) throws Exception {
      if (cell.name().equals("publish × denied")) {
        assertThat(cell.outcome().error()).hasMessage("not delivered: Permissions Violation for Publish to \"orders.created\"");
        assertThat(cell.totalFirings()).isEqualTo(1);
        connection.flush(Duration.ofSeconds(2));
        assertThat(connection.getStatus()).as("a permissions violation leaves the connection open")
            .isEqualTo(Connection.Status.CONNECTED);
      }
    }
  }
}
