package dev.chaosjunit.bench.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.chaosjunit.bench.Figure;
import dev.chaosjunit.bench.Workload;
import dev.chaosjunit.images.Images;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * RabbitMQ messages per second published with publisher confirms and consumed on the same connection:
 * one publishing channel (confirm mode, a confirm wait every {@code window} messages, 100-byte bodies) and
 * one consuming channel (automatic acks) on a queue of its own, until the duration ends. The figure counts
 * messages consumed, so both directions' frames pass every route.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AmqpPublishConsume implements Workload {

  static final String CREDENTIAL = "bench";
  private static final String QUEUE = "bench";

  private final int window;
  private final Duration duration;

  public AmqpPublishConsume(int window, Duration duration) {
    this.window = window;
    this.duration = duration;
  }

  @Override
  public String protocol() {
    return "amqp";
  }

  /** A container of {@link Images#rabbitmq()}. */
  @Override
  public Server startServer() {
    RabbitMQContainer container = new RabbitMQContainer(Images.rabbitmq()).withAdminUser(CREDENTIAL)
        .withAdminPassword(CREDENTIAL).withStartupTimeout(Duration.ofMinutes(2));
    container.start();
    return new ContainerServer(container, new InetSocketAddress("127.0.0.1", container.getAmqpPort()));
  }

  @Override
  public List<Figure> run(InetSocketAddress address) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(address.getPort());
    factory.setUsername(CREDENTIAL);
    factory.setPassword(CREDENTIAL);
    try (Connection connection = factory.newConnection()) {
      Channel consumer = connection.createChannel();
      consumer.queueDeclare(QUEUE, false, false, false, null);
      consumer.queuePurge(QUEUE);
      AtomicLong consumed = new AtomicLong();
      consumer.basicConsume(QUEUE, true, (tag, delivery) -> consumed.incrementAndGet(), tag -> { });
      Channel publisher = connection.createChannel();
      publisher.confirmSelect();
      byte[] body = new byte[100];
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      while (System.nanoTime() < end) {
        for (int i = 0; i < window; i++) {
          publisher.basicPublish("", QUEUE, null, body);
        }
        publisher.waitForConfirmsOrDie(10_000);
      }
      Figure rate = Figure.rate("RabbitMQ publish (confirms) + consume", "msgs/s", consumed.get(), System.nanoTime() - start);
      consumer.queueDelete(QUEUE);
      return List.of(rate);
    }
  }
}
