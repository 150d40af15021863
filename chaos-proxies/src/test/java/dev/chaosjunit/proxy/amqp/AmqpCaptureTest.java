package dev.chaosjunit.proxy.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.proxy.testkit.CapturedSeeds;
import dev.chaosjunit.proxy.testkit.TrafficRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * Captures amqp-client's traffic with a real RabbitMQ as seeds of {@link AmqpFuzzTest} (see {@link
 * CapturedSeeds}): declarations, confirmed publishes on a topic exchange, a get and an ack.
 */
@Tag("capture")
class AmqpCaptureTest {

  @Test
  void amqpClient() throws Exception {
    try (RabbitMQContainer rabbit = new RabbitMQContainer(Images.rabbitmq()).withStartupTimeout(Duration.ofMinutes(2))) {
      rabbit.start();
      try (TrafficRecorder recorder = TrafficRecorder.to(rabbit.getHost(), rabbit.getAmqpPort())) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(recorder.port());
        factory.setUsername(rabbit.getAdminUsername());
        factory.setPassword(rabbit.getAdminPassword());
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
          channel.exchangeDeclare("orders", BuiltinExchangeType.TOPIC);
          channel.queueDeclare("orders.all", false, false, false, null);
          channel.queueBind("orders.all", "orders", "order.#");
          channel.confirmSelect();
          for (int i = 0; i < 3; i++) {
            channel.basicPublish("orders", "order.placed.eu", null, ("order " + i).getBytes(StandardCharsets.UTF_8));
          }
          channel.waitForConfirmsOrDie(5_000);
          GetResponse got = channel.basicGet("orders.all", false);
          assertThat(got).isNotNull();
          channel.basicAck(got.getEnvelope().getDeliveryTag(), false);
        }
        assertThat(CapturedSeeds.save(AmqpFuzzTest.class, "session", "amqp-client", recorder, new AmqpFuzzTest()::session))
            .isEqualTo(1);
      }
    }
  }
}
