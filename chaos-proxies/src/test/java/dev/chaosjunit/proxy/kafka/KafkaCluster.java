package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.images.Images;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;

/**
 * Two KRaft brokers from {@link Images#kafka()} on the host's network: node 1 is broker and controller,
 * node 2 a broker. Host networking with ports picked free beforehand makes the advertised listeners
 * ({@code 127.0.0.1:<port>}) the addresses this JVM reaches, as for brokers on a real host.
 */
final class KafkaCluster implements AutoCloseable {

  final int port1;
  final int port2;
  private final int controllerPort;
  private final List<GenericContainer<?>> nodes;

  KafkaCluster() throws IOException {
    int[] ports = freePorts(3);
    port1 = ports[0];
    port2 = ports[1];
    controllerPort = ports[2];
    nodes = List.of(node(1, "broker,controller", "PLAINTEXT://127.0.0.1:" + port1 + ",CONTROLLER://127.0.0.1:"
        + controllerPort, port1), node(2, "broker", "PLAINTEXT://127.0.0.1:" + port2, port2));
  }

  /** Starts both nodes in parallel (about the time of one on an idle machine). */
  KafkaCluster start() {
    Startables.deepStart(nodes).join();
    return this;
  }

  String bootstrap() {
    return "127.0.0.1:" + port1;
  }

  @Override
  public void close() {
    nodes.forEach(GenericContainer::stop);
  }

  private GenericContainer<?> node(int id, String roles, String listeners, int port) {
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_NODE_ID", String.valueOf(id));
    env.put("KAFKA_PROCESS_ROLES", roles);
    env.put("KAFKA_LISTENERS", listeners);
    env.put("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://127.0.0.1:" + port);
    env.put("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER");
    env.put("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    env.put("KAFKA_INTER_BROKER_LISTENER_NAME", "PLAINTEXT");
    env.put("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@127.0.0.1:" + controllerPort);
    env.put("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1");
    env.put("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "1");
    env.put("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1");
    env.put("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
    env.put("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
    env.put("KAFKA_LOG_DIRS", "/tmp/kraft-logs");
    env.put("KAFKA_HEAP_OPTS", "-Xmx384m -Xms128m");
    return new GenericContainer<>(Images.kafka()).withNetworkMode("host").withEnv(env)
        .waitingFor(Wait.forLogMessage(".*Kafka Server started.*", 1).withStartupTimeout(Duration.ofSeconds(120)));
  }

  /** Distinct ports free on loopback now (a broker binds them a few seconds later). */
  private static int[] freePorts(int n) throws IOException {
    ServerSocket[] sockets = new ServerSocket[n];
    int[] ports = new int[n];
    try {
      for (int i = 0; i < n; i++) {
        sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ports[i] = sockets[i].getLocalPort();
      }
    } finally {
      for (ServerSocket s : sockets) {
        if (s != null) {
          s.close();
        }
      }
    }
    return ports;
  }
}
