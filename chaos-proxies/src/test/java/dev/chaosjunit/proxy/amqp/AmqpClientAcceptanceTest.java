package dev.chaosjunit.proxy.amqp;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.ShutdownSignalException;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * amqp-client against a real RabbitMQ through the proxy engine: what an application sees for each AMQP
 * fault. The topic exchange {@code orders} routes every key to the queue {@code orders.all}.
 */
class AmqpClientAcceptanceTest {

  static final String EXCHANGE = "orders";
  static final String QUEUE = "orders.all";

  static RabbitMQContainer rabbit;
  static ProxyEngine engine;
  Proxy relay;
  Connection connection;

  @BeforeAll
  static void startBroker() {
    rabbit = new RabbitMQContainer(Images.rabbitmq()).withStartupTimeout(Duration.ofMinutes(2));
    rabbit.start();
    engine = ProxyEngine.start();
  }

  @AfterAll
  static void stopBroker() {
    engine.close();
    rabbit.stop();
  }

  @BeforeEach
  void connect() throws Exception {
    relay = engine.create(ProxySpec.of("mq", rabbit.getHost() + ":" + rabbit.getAmqpPort()).withProtocol("amqp"));
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(relay.listenAddress().getPort());
    factory.setUsername(rabbit.getAdminUsername());
    factory.setPassword(rabbit.getAdminPassword());
    factory.setAutomaticRecoveryEnabled(false);
    connection = factory.newConnection();
    try (Channel setup = connection.createChannel()) {
      setup.exchangeDeclare(EXCHANGE, BuiltinExchangeType.TOPIC);
      setup.queueDeclare(QUEUE, false, false, false, null);
      setup.queueBind(QUEUE, EXCHANGE, "#");
      setup.queuePurge(QUEUE);
    }
  }

  @AfterEach
  void disconnect() throws Exception {
    if (connection.isOpen()) {
      connection.close();
    }
    engine.remove(relay.name());
  }

  static Rule rule(Fault fault, String name) {
    return (Rule) fault.named(name).effects().get(0).effect();
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(GetResponse response) {
    return response == null ? null : new String(response.getBody(), StandardCharsets.UTF_8);
  }

  @Test
  void channelCloseWithTheReplyCodeReachesThePublishingChannelAloneAndTheMessageGoesNowhere() throws Exception {
    relay.addRule(rule(Fault.on("mq").amqp().exchange(EXCHANGE).routingKey("order.*")
        .closeChannel(404, "NOT_FOUND - no exchange 'orders' in vhost '/'"), "notFound"));
    Channel publisher = connection.createChannel();
    Channel other = connection.createChannel();
    CompletableFuture<ShutdownSignalException> closed = new CompletableFuture<>();
    publisher.addShutdownListener(closed::complete);
    publisher.basicConsume(QUEUE, false, (tag, delivery) -> { }, tag -> { });

    publisher.basicPublish(EXCHANGE, "order.created", null, bytes("lost"));

    ShutdownSignalException signal = closed.get(5, SECONDS);
    assertThat(signal.isHardError()).as("a channel error").isFalse();
    assertThat(signal.getReason()).isInstanceOfSatisfying(AMQP.Channel.Close.class, close -> {
      assertThat(close.getReplyCode()).isEqualTo(404);
      assertThat(close.getReplyText()).isEqualTo("NOT_FOUND - no exchange 'orders' in vhost '/'");
      assertThat(close.getClassId()).isEqualTo(60);
      assertThat(close.getMethodId()).isEqualTo(40);
    });
    assertThatThrownBy(() -> publisher.queueDeclarePassive(QUEUE)).isInstanceOf(AlreadyClosedException.class);

    other.confirmSelect();
    other.basicPublish(EXCHANGE, "audit.created", null, bytes("kept"));
    other.waitForConfirmsOrDie(5000);
    assertThat(text(other.basicGet(QUEUE, true)))
        .as("the broker closed its side of the channel too: its consumer is gone").isEqualTo("kept");
    assertThat(other.basicGet(QUEUE, true)).as("the closed channel's publish never reached the broker").isNull();
    Channel reopened = connection.createChannel();
    assertThat(reopened.queueDeclarePassive(QUEUE).getQueue()).isEqualTo(QUEUE);
    assertThat(connection.isOpen()).isTrue();
    assertThat(relay.ruleCounters("notFound").fired()).isEqualTo(1);
  }

  @Test
  void connectionCloseWithTheReplyCodeEndsTheConnection() throws Exception {
    relay.addRule(rule(Fault.on("mq").amqp().routingKey("order.#")
        .closeConnection(320, "CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'"), "forced"));
    CompletableFuture<ShutdownSignalException> closed = new CompletableFuture<>();
    connection.addShutdownListener(closed::complete);
    Channel channel = connection.createChannel();

    channel.basicPublish(EXCHANGE, "order", null, bytes("lost"));

    ShutdownSignalException signal = closed.get(5, SECONDS);
    assertThat(signal.isHardError()).as("a connection error").isTrue();
    assertThat(signal.getReason()).isInstanceOfSatisfying(AMQP.Connection.Close.class, close -> {
      assertThat(close.getReplyCode()).isEqualTo(320);
      assertThat(close.getReplyText()).isEqualTo("CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'");
    });
    assertThat(connection.isOpen()).isFalse();
    assertThat(relay.ruleCounters("forced").fired()).isEqualTo(1);
  }

  @Test
  void aDroppedDeliveryIsNotSeenByTheConsumerAndPublisherConfirmsStillFlow() throws Exception {
    relay.addRule(rule(Fault.on("mq").amqp().onResponses().queue(QUEUE).times(1).drop(), "lost"));
    Channel consumer = connection.createChannel();
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    consumer.basicConsume(QUEUE, true, (tag, delivery) -> received.add(new String(delivery.getBody(), StandardCharsets.UTF_8)),
        tag -> { });
    Channel publisher = connection.createChannel();
    publisher.confirmSelect();

    publisher.basicPublish(EXCHANGE, "order.1", null, bytes("first"));
    publisher.basicPublish(EXCHANGE, "order.2", null, bytes("second"));
    publisher.waitForConfirmsOrDie(5000);

    assertThat(received.poll(5, SECONDS)).isEqualTo("second");
    assertThat(received.poll(300, MILLISECONDS)).isNull();
    assertThat(consumer.isOpen()).isTrue();
    assertThat(relay.ruleCounters("lost").fired()).isEqualTo(1);
  }

  @Test
  void aConfirmListenerSeesTheNackOfTheMatchedPublishAndAcksForTheOthers() throws Exception {
    relay.addRule(rule(Fault.on("mq").amqp().exchange(EXCHANGE).routingKey("order.*").times(1).nack(), "nacked"));
    Channel publisher = connection.createChannel();
    publisher.confirmSelect();
    Set<Long> acks = ConcurrentHashMap.newKeySet();
    Set<Long> nacks = ConcurrentHashMap.newKeySet();
    publisher.addConfirmListener((tag, multiple) -> acks.add(tag), (tag, multiple) -> nacks.add(tag));

    publisher.basicPublish(EXCHANGE, "audit.1", null, bytes("one"));
    publisher.basicPublish(EXCHANGE, "order.2", null, bytes("two"));
    publisher.basicPublish(EXCHANGE, "order.3", null, bytes("three"));

    assertThat(publisher.waitForConfirms(5000)).as("false: a publish was nacked").isFalse();
    assertThat(nacks).containsExactly(2L);
    assertThat(acks).doesNotContain(2L).isNotEmpty();
    assertThat(relay.ruleCounters("nacked").fired()).isEqualTo(1);
  }

  @Test
  void aDroppedPublishNeverReachesTheBrokerAndTheConfirmsOfTheOthersStillMatch() throws Exception {
    relay.addRule(rule(Fault.on("mq").amqp().exchange(EXCHANGE).routingKey("order.lost").drop(), "dropped"));
    Channel publisher = connection.createChannel();
    publisher.confirmSelect();
    Set<Long> acks = ConcurrentHashMap.newKeySet();
    Set<Long> nacks = ConcurrentHashMap.newKeySet();
    publisher.addConfirmListener((tag, multiple) -> acks.add(tag), (tag, multiple) -> nacks.add(tag));

    publisher.basicPublish(EXCHANGE, "order.1", null, bytes("one"));
    publisher.basicPublish(EXCHANGE, "order.lost", null, bytes("lost"));
    publisher.basicPublish(EXCHANGE, "order.3", null, bytes("three"));

    assertThat(publisher.waitForConfirms(5000)).as("false: the dropped publish was nacked").isFalse();
    assertThat(nacks).containsExactly(2L);
    assertThat(acks).contains(3L).doesNotContain(2L);
    assertThat(text(publisher.basicGet(QUEUE, true))).isEqualTo("one");
    assertThat(text(publisher.basicGet(QUEUE, true))).isEqualTo("three");
    assertThat(publisher.basicGet(QUEUE, true)).isNull();
  }

  @Test
  void aDelayedPublishIsConfirmedThatMuchLater() throws Exception {
    relay.addRule(rule(Fault.on("mq").amqp().exchange(EXCHANGE).delay(Duration.ofMillis(600)), "slow"));
    Channel publisher = connection.createChannel();
    publisher.confirmSelect();

    long start = System.nanoTime();
    publisher.basicPublish(EXCHANGE, "order.1", null, bytes("late"));
    publisher.waitForConfirmsOrDie(5000);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    assertThat(text(publisher.basicGet(QUEUE, true))).isEqualTo("late");
  }
}
