package dev.chaosjunit.bench;

import dev.chaosjunit.images.Images;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.testcontainers.containers.GenericContainer;

/**
 * The Redis the benchmark measures against: {@code redis-server} on the host when installed (no Docker
 * port forwarding in the "direct" row), else a container of {@link Images#redis()}.
 */
abstract class RedisServer implements AutoCloseable {

  abstract InetSocketAddress address();

  abstract String description();

  static RedisServer start() throws Exception {
    Path host = onPath("redis-server");
    RedisServer redis = host != null ? new HostRedis(host) : new ContainerRedis();
    try (Resp client = new Resp(redis.address())) {
      client.exchange(Resp.command("SET", PipelinedRedis.KEY, PipelinedRedis.VALUE), "+OK\r\n".getBytes(), new byte[5]);
    }
    return redis;
  }

  static Path onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static final class HostRedis extends RedisServer {
    private final Process process;
    private final InetSocketAddress address;

    HostRedis(Path executable) throws Exception {
      int port = Ports.free();
      address = new InetSocketAddress("127.0.0.1", port);
      process = new ProcessBuilder(executable.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no", "--protected-mode", "no", "--daemonize", "no")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      awaitListening(address, Duration.ofSeconds(10));
    }

    @Override
    InetSocketAddress address() {
      return address;
    }

    @Override
    String description() {
      return "redis-server on the host, " + address;
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }

  private static final class ContainerRedis extends RedisServer {
    private final GenericContainer<?> container = new GenericContainer<>(Images.redis()).withExposedPorts(6379);

    ContainerRedis() {
      container.start();
    }

    @Override
    InetSocketAddress address() {
      return new InetSocketAddress("127.0.0.1", container.getMappedPort(6379));
    }

    @Override
    String description() {
      return "container " + container.getDockerImageName() + " at " + address()
          + " (note: Docker's port forwarding is part of every row)";
    }

    @Override
    public void close() {
      container.stop();
    }
  }

  static void awaitListening(InetSocketAddress address, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket(address.getAddress(), address.getPort())) {
        return;
      } catch (java.io.IOException notYet) {
        Thread.sleep(20);
      }
    }
    throw new IllegalStateException(address + " did not accept connections within " + limit);
  }
}
