package dev.chaosjunit.bench.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.bench.Figure;
import dev.chaosjunit.bench.Workload;
import dev.chaosjunit.images.Images;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.MemcachedClient;
import org.apiguardian.api.API;
import org.testcontainers.containers.GenericContainer;

/**
 * Memcached operations per second: spymemcached on one connection sending {@code window} operations at a
 * time (one {@code set} of 100 bytes for every three {@code get}s of 100 keys' worth), waiting for all of
 * them, until the duration ends. spymemcached pipelines the window on its connection and merges
 * consecutive gets into multi-gets, so both directions carry lines and data blocks.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MemcachedGetSet implements Workload {

  private static final int KEYS = 100;

  private final int window;
  private final Duration duration;

  public MemcachedGetSet(int window, Duration duration) {
    this.window = window;
    this.duration = duration;
  }

  @Override
  public String protocol() {
    return "memcached";
  }

  /** A container of {@link Images#memcached()}. */
  @Override
  public Server startServer() {
    GenericContainer<?> container = new GenericContainer<>(Images.memcached()).withExposedPorts(11211);
    container.start();
    return ContainerServer.of(container, 11211);
  }

  @Override
  public List<Figure> run(InetSocketAddress address) throws Exception {
    MemcachedClient client = new MemcachedClient(new ConnectionFactoryBuilder().setOpTimeout(10_000).build(),
        List.of(new InetSocketAddress("127.0.0.1", address.getPort())));
    try {
      String value = "v".repeat(100);
      long operations = 0;
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      while (System.nanoTime() < end) {
        List<Future<?>> pending = new ArrayList<>(window);
        for (int i = 0; i < window; i++) {
          String key = "bench:" + (operations + i) % KEYS;
          pending.add(i % 4 == 0 ? client.set(key, 0, value) : client.asyncGet(key));
        }
        for (Future<?> future : pending) {
          future.get(10, TimeUnit.SECONDS);
        }
        operations += window;
      }
      return List.of(Figure.rate("Memcached get + set", "ops/s", operations, System.nanoTime() - start));
    } finally {
      client.shutdown(1, TimeUnit.SECONDS);
    }
  }
}
