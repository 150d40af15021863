package dev.chaosjunit.junit.e2e;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
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
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * A RabbitMQ container is taken for AMQP from its image name (no protocol declared), and an AMQP rule
 * reaches amqp-client as the broker's own channel error.
 */
class AmqpRulesTest {

  @Test
  void aPublishSeesTheChannelErrorTheRuleNames() {
    EngineExecutionResults results = Fixtures.run(Publishes.class, Map.of("chaos.seed", "5"));

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("publish × no fault", "publish × noExchange");
  }

  @TestFixture
  @ChaosTest
  static class Publishes {
    @Chaos(value = "mq", port = 5672) static RabbitMQContainer mq = new RabbitMQContainer(Images.rabbitmq());

    @FaultAssumption static Fault noExchange = Fault.on("mq").amqp().exchange("orders").routingKey("order.#")
        .closeChannel(404, "NOT_FOUND - no exchange 'orders' in vhost '/'");

    static Connection connection;

    @BeforeAll
    static void connect(ChaosTopology topology) throws Exception {
      ProxyEndpoint proxy = topology.proxy("mq");
      ConnectionFactory factory = new ConnectionFactory();
      factory.setHost(proxy.host());
      factory.setPort(proxy.port());
      factory.setUsername(mq.getAdminUsername());
      factory.setPassword(mq.getAdminPassword());
      factory.setAutomaticRecoveryEnabled(false);
      connection = factory.newConnection();
      try (Channel setup = connection.createChannel()) {
        setup.exchangeDeclare("orders", BuiltinExchangeType.TOPIC);
      }
    }

    @AfterAll
    static void close() throws Exception {
      connection.close();
    }

    @Scenario
    String publish() throws Exception {
      Channel channel = connection.createChannel();
      channel.confirmSelect();
      channel.basicPublish("orders", "order.created", null, "{}".getBytes(StandardCharsets.UTF_8));
      channel.waitForConfirmsOrDie(3000);
      channel.close();
      return "confirmed";
    }

    @FaultMatrix
    @Expect(scenario = "publish", fault = "noExchange", value = ERROR, within = "5s")
    void rules(Cell cell) {
      if (cell.name().equals("publish × noExchange")) {
        assertThat(cell.outcome().error()).isInstanceOfSatisfying(ShutdownSignalException.class, signal ->
            assertThat(((AMQP.Channel.Close) signal.getReason()).getReplyCode()).isEqualTo(404));
        assertThat(cell.totalFirings()).isEqualTo(1);
        assertThat(connection.isOpen()).as("a channel error leaves the connection open").isTrue();
      }
    }
  }
}
