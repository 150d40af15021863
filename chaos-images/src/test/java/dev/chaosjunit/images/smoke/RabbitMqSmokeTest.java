package dev.chaosjunit.images.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.chaosjunit.images.Images;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/** RabbitMQ through Testcontainers' module class, one publish and one get with amqp-client. */
class RabbitMqSmokeTest {

  @Test
  void publishThenGetWithAmqpClient() throws Exception {
    try (RabbitMQContainer rabbit =
        new RabbitMQContainer(Images.rabbitmq()).withStartupTimeout(Startup.TIMEOUT)) {
      rabbit.start();
      ConnectionFactory factory = new ConnectionFactory();
      factory.setUri(rabbit.getAmqpUrl());
      factory.setUsername(rabbit.getAdminUsername());
      factory.setPassword(rabbit.getAdminPassword());
      try (Connection connection = factory.newConnection();
          Channel channel = connection.createChannel()) {
        channel.queueDeclare("smoke", false, false, false, null);
        channel.basicPublish("", "smoke", null, "rabbitmq-ok".getBytes(StandardCharsets.UTF_8));
        GetResponse response = waitForMessage(channel);

        assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("rabbitmq-ok");
      }
    }
  }

  private static GetResponse waitForMessage(Channel channel) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    GetResponse response = channel.basicGet("smoke", true);
    while (response == null && System.nanoTime() < deadline) {
      Thread.sleep(20);
      response = channel.basicGet("smoke", true);
    }
    assertThat(response).as("message on queue smoke within 10 s").isNotNull();
    return response;
  }
}
