package dev.chaosjunit.proxy.nats;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * jnats against a real nats-server through the proxy engine: what an application sees for each NATS
 * fault. {@code proxied} goes through the proxy; {@code direct} talks to the server itself and so shows
 * what reached it (a subscriber) or what it sent (a publisher).
 */
class NatsClientAcceptanceTest {

  static GenericContainer<?> nats;
  static ProxyEngine engine;
  Proxy relay;
  Connection direct;
  Connection proxied;
  final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
  final BlockingQueue<ConnectionListener.Events> events = new LinkedBlockingQueue<>();

  @BeforeAll
  static void startServer() {
    nats = new GenericContainer<>(Images.nats()).withExposedPorts(4222)
        .waitingFor(Wait.forLogMessage(".*Server is ready.*", 1).withStartupTimeout(Duration.ofMinutes(2)));
    nats.start();
    engine = ProxyEngine.start();
  }

  @AfterAll
  static void stopServer() {
    engine.close();
    nats.stop();
  }

  @BeforeEach
  void connect() throws Exception {
    String server = nats.getHost() + ":" + nats.getMappedPort(4222);
    relay = engine.create(ProxySpec.of("bus", server).withProtocol("nats"));
    direct = Nats.connect("nats://" + server);
    proxied = Nats.connect(new Options.Builder().server("nats://127.0.0.1:" + relay.listenAddress().getPort())
        .errorListener(new ErrorListener() {
          @Override
          public void errorOccurred(Connection connection, String error) {
            errors.add(error);
          }
        })
        .connectionListener((connection, event) -> events.add(event))
        .reconnectWait(Duration.ofMillis(100)).build());
  }

  @AfterEach
  void disconnect() throws Exception {
    proxied.close();
    direct.close();
    engine.remove(relay.name());
  }

  static Rule rule(Fault fault, String name) {
    return (Rule) fault.named(name).effects().get(0).effect();
  }

  /** The proxied connection's next event after the {@code CONNECTED} of its start. */
  ConnectionListener.Events nextEventAfterOpened() throws InterruptedException {
    ConnectionListener.Events event = events.poll(5, SECONDS);
    return event == ConnectionListener.Events.CONNECTED ? events.poll(5, SECONDS) : event;
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(Message message) {
    return message == null ? null : new String(message.getData(), StandardCharsets.UTF_8);
  }

  @Test
  void aPermissionsViolationReachesTheErrorListenerAndTheConnectionStaysUsable() throws Exception {
    relay.addRule(rule(Fault.on("bus").nats().subject("orders.>").permissionsViolation(), "denied"));
    Subscription seen = direct.subscribe("orders.>");
    direct.flush(Duration.ofSeconds(5));

    proxied.publish("orders.eu.created", bytes("refused"));

    assertThat(errors.poll(5, SECONDS)).isEqualTo("Permissions Violation for Publish to \"orders.eu.created\"");
    assertThat(proxied.getStatus()).isEqualTo(Connection.Status.CONNECTED);
    proxied.flush(Duration.ofSeconds(5));
    Subscription echo = proxied.subscribe("audit");
    proxied.publish("audit", bytes("still usable"));
    assertThat(text(echo.nextMessage(Duration.ofSeconds(5)))).isEqualTo("still usable");
    assertThat(seen.nextMessage(Duration.ofMillis(300))).as("the refused publish reached no subscriber").isNull();
    assertThat(events).doesNotContain(ConnectionListener.Events.DISCONNECTED);
  }

  @Test
  void aDroppedPublishIsNotReceivedAndTheNextOneIs() throws Exception {
    relay.addRule(rule(Fault.on("bus").nats().subject("orders.*").times(1).drop(), "lost"));
    Subscription subscriber = direct.subscribe("orders.created");
    direct.flush(Duration.ofSeconds(5));

    proxied.publish("orders.created", bytes("lost"));
    proxied.publish("orders.created", bytes("kept"));
    proxied.flush(Duration.ofSeconds(5));

    assertThat(text(subscriber.nextMessage(Duration.ofSeconds(5)))).isEqualTo("kept");
    assertThat(subscriber.nextMessage(Duration.ofMillis(300))).isNull();
    assertThat(errors).isEmpty();
  }

  @Test
  void aDroppedDeliveryIsNotSeenAndTheNextOneIs() throws Exception {
    relay.addRule(rule(Fault.on("bus").nats().onResponses().subject("orders.>").times(1).drop(), "unseen"));
    Subscription subscriber = proxied.subscribe("orders.>");
    proxied.flush(Duration.ofSeconds(5));

    direct.publish("orders.eu.created", bytes("unseen"));
    direct.publish("orders.eu.created", bytes("seen"));

    assertThat(text(subscriber.nextMessage(Duration.ofSeconds(5)))).isEqualTo("seen");
    assertThat(subscriber.nextMessage(Duration.ofMillis(300))).isNull();
  }

  @Test
  void messagesWithHeadersPassBothWaysAndAHeaderPublishIsDroppedWithItsPayload() throws Exception {
    relay.addRule(rule(Fault.on("bus").nats().subject("orders.refused").drop(), "lost"));
    Subscription subscriber = proxied.subscribe("orders.*");
    proxied.flush(Duration.ofSeconds(5));
    Headers headers = new Headers().add("Trace-Id", "7").add("Tenant", "eu");

    proxied.publish("orders.refused", new Headers().add("Trace-Id", "6"), bytes("lost"));
    proxied.publish("orders.created", headers, bytes("{\"id\":7}"));

    Message message = subscriber.nextMessage(Duration.ofSeconds(5));
    assertThat(message.getSubject()).isEqualTo("orders.created");
    assertThat(text(message)).isEqualTo("{\"id\":7}");
    assertThat(message.getHeaders().getFirst("Trace-Id")).isEqualTo("7");
    assertThat(message.getHeaders().getFirst("Tenant")).isEqualTo("eu");
    assertThat(subscriber.nextMessage(Duration.ofMillis(300))).isNull();
  }

  @Test
  void aDelayedPublishArrivesLate() throws Exception {
    relay.addRule(rule(Fault.on("bus").nats().subject("orders.created").delay(Duration.ofMillis(700)), "slow"));
    Subscription subscriber = direct.subscribe("orders.created");
    direct.flush(Duration.ofSeconds(5));

    long start = System.nanoTime();
    proxied.publish("orders.created", bytes("late"));
    Message message = subscriber.nextMessage(Duration.ofSeconds(5));

    assertThat(text(message)).isEqualTo("late");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
  }

  @Test
  void aDisconnectClosesTheConnectionAndJnatsReconnects() throws Exception {
    relay.addRule(rule(Fault.on("bus").nats().subject("orders.created").times(1).drop(DropMode.CLOSE), "cut"));
    Subscription subscriber = direct.subscribe("orders.created");
    direct.flush(Duration.ofSeconds(5));

    proxied.publish("orders.created", bytes("lost"));

    assertThat(nextEventAfterOpened()).isEqualTo(ConnectionListener.Events.DISCONNECTED);
    assertThat(events.poll(5, SECONDS)).isEqualTo(ConnectionListener.Events.RECONNECTED);
    proxied.publish("orders.created", bytes("after"));
    assertThat(text(subscriber.nextMessage(Duration.ofSeconds(5)))).isEqualTo("after");
  }
}
