package dev.chaosjunit.junit.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.ProxyEndpoint;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * A matrix that fails, times out, cannot start its services or is stopped mid-cell leaves no proxy port,
 * no proxy or scenario thread and no container behind: real Redis containers, the in-JVM engine, and for
 * the stopped run a second JVM sent SIGTERM (what an IDE's stop button and a CI timeout send) while its
 * cell is running.
 */
class TeardownTest {

  private static final List<String> OUR_THREADS = List.of("chaos-proxy-io", "chaos-scenario-");

  @Test
  void aFailedAndATimedOutMatrixLeavesNoPortThreadOrContainer() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();

    EngineExecutionResults results = Fixtures.run(FailsAndHangs.class);

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).as("the cells that fail or time out")
        .containsOnlyKeys("hangs × no fault", "hangs × slow", "answers × slow");
    assertThat(FailsAndHangs.cache.isRunning()).as("the container the extension started").isFalse();
    assertClosed(new InetSocketAddress(FailsAndHangs.proxy.host(), FailsAndHangs.proxy.port()));
    assertNoThreadOfOursLeft(before);
  }

  @Test
  void aServiceThatCannotStartTakesDownWhatStartedBeforeIt() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();

    EngineExecutionResults results = Fixtures.run(SecondServiceBroken.class);

    assertThat(results.containerEvents().failed().count()).as("the class fails").isPositive();
    assertThat(SecondServiceBroken.cache.startedAs).as("the first service was started").isNotNull();
    assertThat(DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
        .withIdFilter(List.of(SecondServiceBroken.cache.startedAs)).exec()).as("the first service's container").isEmpty();
    assertNoThreadOfOursLeft(before);
  }

  @Test
  void aRunStoppedMidCellLeavesNoContainerOrPort(@TempDir Path dir) throws Exception {
    Path marker = dir.resolve("cell-running");
    Path log = dir.resolve("child.log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dteardown.marker=" + marker));
    System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("chaos."))
        .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
    command.add(StoppedMidCell.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putIfAbsent("TESTCONTAINERS_RYUK_DISABLED", "true");
    builder.environment().putIfAbsent("TESTCONTAINERS_HOST_OVERRIDE", "localhost");
    Process child = builder.start();
    try {
      awaitMarker(child, marker, log);
      String[] running = Files.readString(marker).trim().split(" ");
      InetSocketAddress proxy = new InetSocketAddress(running[0], Integer.parseInt(running[1]));
      assertThat(containersOf(running[2])).as("the child's containers while its cell runs").isNotEmpty();

      child.destroy();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child exits on SIGTERM").isTrue();

      assertClosed(proxy);
      assertThat(containersOf(running[2])).as("the child's containers after it stopped; its log:%n%s",
          Files.readString(log)).isEmpty();
    } finally {
      child.destroyForcibly();
    }
  }

  private static void awaitMarker(Process child, Path marker, Path log) throws Exception {
    Instant deadline = Instant.now().plusSeconds(120);
    while (!Files.exists(marker)) {
      if (!child.isAlive() || Instant.now().isAfter(deadline)) {
        throw new AssertionError("the child never reached its cell; its log:\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
  }

  private static List<String> containersOf(String session) {
    return DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
        .withLabelFilter(Map.of(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, session)).exec().stream()
        .map(c -> c.getId() + " " + c.getState()).toList();
  }

  private static void assertClosed(InetSocketAddress proxy) {
    assertThatThrownBy(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(proxy, 2000);
      }
    }).as("a connection to the proxy at %s", proxy).isInstanceOf(ConnectException.class);
  }

  /** Threads of ours started since {@code before} are gone, for at most 5 s (an interrupted scenario ends). */
  private static void assertNoThreadOfOursLeft(Set<Thread> before) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(5);
    Set<String> left;
    do {
      left = Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !before.contains(t))
          .map(Thread::getName).filter(name -> OUR_THREADS.stream().anyMatch(name::startsWith))
          .collect(Collectors.toSet());
      if (!left.isEmpty()) {
        Thread.sleep(100);
      }
    } while (!left.isEmpty() && Instant.now().isBefore(deadline));
    assertThat(left).as("proxy and scenario threads left behind").isEmpty();
  }

  /** A Redis PING through the proxy, answered {@code +PONG}. */
  static String ping(ProxyEndpoint proxy) throws IOException {
    try (Socket socket = new Socket(proxy.host(), proxy.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[7];
      int n = 0;
      while (n < reply.length) {
        int read = in.read(reply, n, reply.length - n);
        if (read < 0) {
          break;
        }
        n += read;
      }
      return new String(reply, 0, n, StandardCharsets.US_ASCII).trim();
    }
  }

  @TestFixture
  @ChaosTest
  static class FailsAndHangs {
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);
    static ProxyEndpoint proxy;

    @FaultAssumption static Fault slow = Fault.on("cache").latency(Duration.ofMillis(20));

    @BeforeAll
    static void record(ChaosTopology topology) {
      proxy = topology.proxy("cache");
    }

    @Scenario
    String hangs() throws InterruptedException {
      Thread.sleep(60_000);
      return "woke";
    }

    @Scenario
    String answers() throws IOException {
      return ping(proxy);
    }

    @FaultMatrix(timeout = "1s")
    void matrix(Cell cell) {
      assertThat(cell.faultName()).as("the matrix's own check fails under the fault").isEqualTo(FaultMatrix.NO_FAULT);
    }
  }

  @TestFixture
  @ChaosTest
  static class SecondServiceBroken {
    @Chaos("cache") static Recorded cache = new Recorded();
    @Chaos("broken") static GenericContainer<?> broken = new GenericContainer<>(Images.redis()).withExposedPorts(6379)
        .withCommand("redis-server", "--no-such-option", "yes").withStartupAttempts(1)
        .withStartupTimeout(Duration.ofSeconds(20));

    @Scenario
    String answers(ChaosTopology topology) throws IOException {
      return ping(topology.proxy("cache"));
    }

    @FaultMatrix
    void matrix(Cell cell) {}
  }

  /** A Redis container that records the ID it started as (Testcontainers forgets it when it stops). */
  static final class Recorded extends GenericContainer<Recorded> {
    volatile String startedAs;

    Recorded() {
      super(Images.redis());
      withExposedPorts(6379);
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse info) {
      startedAs = info.getId();
    }
  }

  /** The second JVM: runs {@link Blocks} and writes its proxy port and Testcontainers session once its cell runs. */
  public static final class StoppedMidCell {
    public static void main(String[] args) {
      LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Blocks.class))
          .configurationParameter(TestFixture.PARAMETER, "true").build());
    }
  }

  @TestFixture
  @ChaosTest
  static class Blocks {
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);

    @FaultAssumption static Fault slow = Fault.on("cache").latency(Duration.ofMillis(20));

    @Scenario
    String blocks(ChaosTopology topology) throws Exception {
      ProxyEndpoint proxy = topology.proxy("cache");
      assertThat(ping(proxy)).isEqualTo("+PONG");
      Path marker = Path.of(System.getProperty("teardown.marker"));
      Path partial = marker.resolveSibling("partial");
      Files.writeString(partial, proxy.host() + " " + proxy.port() + " " + DockerClientFactory.SESSION_ID);
      Files.move(partial, marker);
      Thread.sleep(120_000);
      return "woke";
    }

    @FaultMatrix(faults = "slow", timeout = "180s")
    void matrix(Cell cell) {}
  }
}
