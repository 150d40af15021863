package dev.chaosjunit.bench.protocol;

import dev.chaosjunit.bench.Ports;
import dev.chaosjunit.bench.Workload;
import dev.chaosjunit.images.Images;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * A single KRaft broker ({@code Images.kafka()}) on the host's network with two client listeners: {@code
 * DIRECT}, advertising itself, and {@code RELAYED}, advertising a port nobody listens on yet, where an
 * L4 relay forwarding to {@code RELAYED} carries every connection the client opens.
 */
final class KafkaBroker implements Workload.Server {

  private static final String LOOPBACK = "127.0.0.1:";

  private final GenericContainer<?> container;
  private final InetSocketAddress direct;
  private final Workload.AdvertisedRelay relay;

  private KafkaBroker(int direct, int relayed, int relayListen, int controller) {
    this.direct = new InetSocketAddress("127.0.0.1", direct);
    this.relay = new Workload.AdvertisedRelay(
        new InetSocketAddress("127.0.0.1", relayListen), new InetSocketAddress("127.0.0.1", relayed));
    this.container = new GenericContainer<>(Images.kafka())
        .withNetworkMode("host")
        .withEnv(Map.of(
            "KAFKA_NODE_ID", "1",
            "KAFKA_PROCESS_ROLES", "broker,controller",
            "KAFKA_CONTROLLER_QUORUM_VOTERS", "1@" + LOOPBACK + controller,
            "KAFKA_LISTENERS", "DIRECT://" + LOOPBACK + direct + ",RELAYED://" + LOOPBACK + relayed
                + ",CONTROLLER://" + LOOPBACK + controller,
            "KAFKA_ADVERTISED_LISTENERS", "DIRECT://" + LOOPBACK + direct + ",RELAYED://" + LOOPBACK + relayListen,
            "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "DIRECT:PLAINTEXT,RELAYED:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER",
            "KAFKA_INTER_BROKER_LISTENER_NAME", "DIRECT",
            "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1",
            "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1"))
        .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
        .withEnv("KAFKA_LOG_DIRS", "/tmp/kraft-combined-logs")
        .waitingFor(Wait.forLogMessage(".*Kafka Server started.*", 1).withStartupTimeout(Duration.ofMinutes(2)));
  }

  /** Starts a broker on free loopback ports. */
  static KafkaBroker start() {
    KafkaBroker broker = new KafkaBroker(Ports.free(), Ports.free(), Ports.free(), Ports.free());
    broker.container.start();
    return broker;
  }

  @Override
  public InetSocketAddress address() {
    return direct;
  }

  @Override
  public Optional<Workload.AdvertisedRelay> advertisedRelay() {
    return Optional.of(relay);
  }

  @Override
  public void close() {
    container.stop();
  }
}
