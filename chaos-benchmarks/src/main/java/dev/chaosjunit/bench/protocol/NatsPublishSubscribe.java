package dev.chaosjunit.bench.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.bench.Figure;
import dev.chaosjunit.bench.Workload;
import dev.chaosjunit.images.Images;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * NATS messages per second published and received on the same connection: jnats publishing 100-byte
 * messages (a flush, one PING/PONG round trip, every {@code window} messages) to a subject the
 * connection also subscribes to, until the duration ends. The figure counts messages received, so both
 * directions' operations (PUB up, MSG down) pass every route.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class NatsPublishSubscribe implements Workload {

  private static final String SUBJECT = "bench.orders";

  private final int window;
  private final Duration duration;

  public NatsPublishSubscribe(int window, Duration duration) {
    this.window = window;
    this.duration = duration;
  }

  @Override
  public String protocol() {
    return "nats";
  }

  /** A container of {@link Images#nats()}. */
  @Override
  public Server startServer() {
    GenericContainer<?> container = new GenericContainer<>(Images.nats()).withExposedPorts(4222)
        .waitingFor(Wait.forLogMessage(".*Server is ready.*", 1).withStartupTimeout(Duration.ofMinutes(2)));
    container.start();
    return ContainerServer.of(container, 4222);
  }

  @Override
  public List<Figure> run(InetSocketAddress address) throws Exception {
    try (Connection connection = Nats.connect("nats://127.0.0.1:" + address.getPort())) {
      AtomicLong received = new AtomicLong();
      Dispatcher dispatcher = connection.createDispatcher(message -> received.incrementAndGet());
      dispatcher.subscribe(SUBJECT);
      connection.flush(Duration.ofSeconds(10));
      byte[] body = new byte[100];
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      while (System.nanoTime() < end) {
        for (int i = 0; i < window; i++) {
          connection.publish(SUBJECT, body);
        }
        connection.flush(Duration.ofSeconds(10));
      }
      return List.of(Figure.rate("NATS publish + subscribe", "msgs/s", received.get(), System.nanoTime() - start));
    }
  }
}
