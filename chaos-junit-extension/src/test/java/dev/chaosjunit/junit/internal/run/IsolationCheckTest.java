package dev.chaosjunit.junit.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.ProxyEndpoint;
import dev.chaosjunit.junit.Expect;
import dev.chaosjunit.junit.Expectation;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.junit.internal.backend.FaultBackend;
import dev.chaosjunit.junit.support.EchoClient;
import dev.chaosjunit.junit.support.EchoFixture;
import dev.chaosjunit.junit.support.EchoServer;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.containers.GenericContainer;

/**
 * {@code chaos.isolation=check}: after each cell a sentinel finds what the cell left at the proxies and runs
 * its scenario without a fault. The leaks are planted by method bodies acting on the backend behind the
 * extension's back (a test-only hook, {@link BackendHook}), as a fault that fails to revert would.
 */
class IsolationCheckTest {

  private static final Map<String, String> CHECK = Map.of("chaos.isolation", "check", "chaos.seed", "7");

  @Test
  void aCleanMatrixPassesEverySentinelWhichRunsEachScenarioAgainWithoutAFault(@TempDir Path reports)
      throws IOException {
    Clean.PINGS.set(0);
    EngineExecutionResults results = Fixtures.run(Clean.class, with("chaos.reports.dir", reports.toString()));

    assertThat(Fixtures.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
    assertThat(Clean.PINGS).as("each cell's scenario, then the sentinel's").hasValue(8);
    String json = Files.readString(reports.resolve("Clean.matrix.json"));
    assertThat(Pattern.compile("\"isolation\" : \"baseline restored\"").matcher(json).results()).hasSize(4);
  }

  @Test
  void aToxicACellLeftFailsThatCellNamingItAndTheToxic() {
    Map<String, String> failures = Fixtures.failures(Fixtures.run(LeavesAToxic.class, CHECK));

    assertThat(failures).containsOnlyKeys("ping × slow");
    assertThat(failures.get("ping × slow")).startsWith("after cell 'ping × slow': toxic 'stray' still on proxy echo\n")
        .containsPattern("verdict +=  ?errored").containsPattern("seed +=  ?7\n");
  }

  @Test
  void withoutTheCheckTheSameLeakGoesUnnoticed() {
    EngineExecutionResults results = Fixtures.run(LeavesAToxic.class, Map.of("chaos.seed", "7"));

    assertThat(Fixtures.failures(results)).isEmpty();
  }

  @Test
  void aProxyLeftRefusingConnectionsIsNamed() {
    Map<String, String> failures = Fixtures.failures(Fixtures.run(LeavesTheProxyDown.class, CHECK));

    assertThat(failures).containsOnlyKeys("ping × slow");
    assertThat(failures.get("ping × slow")).startsWith("after cell 'ping × slow': proxy echo still refuses"
        + " connections\n");
  }

  @Test
  void aLeakOnlyTheScenarioFeelsFailsTheSentinelsBaselineRun() {
    Map<String, String> failures = Fixtures.failures(Fixtures.run(LeavesTheAppBroken.class, CHECK));

    assertThat(failures).containsOnlyKeys("ping × slow");
    assertThat(failures.get("ping × slow")).startsWith("after cell 'ping × slow': its scenario without a fault did"
        + " not pass: ").contains("the application is still degraded");
  }

  @Test
  void aContainerACellLeftPausedIsNamed() {
    EngineExecutionResults results = Fixtures.run(LeavesTheContainerPaused.class, CHECK);

    Fixtures.assertNoContainerFailed(results);
    Map<String, String> failures = Fixtures.failures(results);
    assertThat(failures).containsOnlyKeys("ping × slow");
    assertThat(failures.get("ping × slow")).startsWith("after cell 'ping × slow': the container of service cache is"
        + " still paused\n");
  }

  @Test
  void anUnknownIsolationFailsTheMatrixNamingTheKnownOnes() {
    Throwable thrown = Fixtures.onlyFailure(Fixtures.run(Clean.class, Map.of("chaos.isolation", "strict")));

    assertThat(thrown).isInstanceOf(ExtensionConfigurationException.class).hasMessage("-Dchaos.isolation=[strict] is"
        + " no isolation; use reset (the default: every proxy is reset before each cell) or check (also, after each"
        + " cell, a sentinel proves the proxies and containers are back at their baseline)");
  }

  private static Map<String, String> with(String key, String value) {
    Map<String, String> parameters = new java.util.HashMap<>(CHECK);
    parameters.put(key, value);
    return parameters;
  }

  /** Resolves the class's {@link FaultBackend}, so a method body can act on the proxies behind the extension's back. */
  static final class BackendHook implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == FaultBackend.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return Topologies.obtain(context).backend();
    }
  }

  @TestFixture
  static class Clean {
    static final AtomicInteger PINGS = new AtomicInteger();

    @Chaos("echo") static InetSocketAddress echo = EchoServer.address();

    @FaultAssumption static Fault slow = Fault.on("echo").latency(Duration.ofMillis(20));
    @FaultAssumption static Fault down = Fault.on("echo").refuseConnections();
    @FaultAssumption static Fault cut = Fault.on("echo").limitData(2);

    @Scenario
    String ping(ChaosTopology topology) throws IOException {
      PINGS.incrementAndGet();
      return EchoClient.roundTrip(topology.proxy("echo"), "ping", 3000);
    }

    @FaultMatrix
    @Expect(fault = {"down", "cut"}, value = Expectation.ERROR)
    void matrix() {}
  }

  @TestFixture
  @ExtendWith(BackendHook.class)
  static class LeavesAToxic extends EchoFixture {
    @FaultAssumption static Fault slow = Fault.on("echo").latency(Duration.ofMillis(20));
    @FaultAssumption static Fault slower = Fault.on("echo").latency(Duration.ofMillis(30));

    @FaultMatrix
    void matrix(Cell cell, FaultBackend backend) {
      if (cell.faultName().equals("slow")) {
        Fault.on("echo").latency(Duration.ofMillis(5)).named("stray").effects().forEach(backend::apply);
      }
    }
  }

  @TestFixture
  @ExtendWith(BackendHook.class)
  static class LeavesTheProxyDown extends EchoFixture {
    @FaultAssumption static Fault slow = Fault.on("echo").latency(Duration.ofMillis(20));

    @FaultMatrix
    void matrix(Cell cell, FaultBackend backend) {
      if (cell.faultName().equals("slow")) {
        Fault.on("echo").refuseConnections().effects().forEach(backend::apply);
      }
    }
  }

  @TestFixture
  @ChaosTest
  @ExtendWith(BackendHook.class)
  static class LeavesTheContainerPaused {
    static final Fault PAUSE = Fault.on("cache").container().pause();

    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);

    @FaultAssumption static Fault slow = Fault.on("cache").latency(Duration.ofMillis(20));

    @Scenario
    String ping(ChaosTopology topology) throws IOException {
      ProxyEndpoint proxy = topology.proxy("cache");
      try (Socket socket = new Socket(proxy.host(), proxy.port())) {
        socket.setSoTimeout(3000);
        socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        return new String(socket.getInputStream().readNBytes(7), StandardCharsets.US_ASCII);
      }
    }

    @FaultMatrix
    void matrix(Cell cell, FaultBackend backend) {
      if (cell.faultName().equals("slow")) {
        PAUSE.effects().forEach(backend::apply);
      }
    }

    /** Runs after the sentinel looked: unpauses, so the next cells meet a container that serves. */
    @AfterEach
    void unpause(FaultBackend backend) {
      if (cache.getDockerClient().inspectContainerCmd(cache.getContainerId()).exec().getState().getPaused()) {
        PAUSE.effects().forEach(backend::revert);
      }
    }
  }

  @TestFixture
  static class LeavesTheAppBroken {
    static final AtomicBoolean DEGRADED = new AtomicBoolean();

    @Chaos("echo") static InetSocketAddress echo = EchoServer.address();

    @FaultAssumption static Fault slow = Fault.on("echo").latency(Duration.ofMillis(20));

    @Scenario
    String ping(ChaosTopology topology) throws IOException {
      if (DEGRADED.getAndSet(false)) {
        throw new IllegalStateException("the application is still degraded");
      }
      return EchoClient.roundTrip(topology.proxy("echo"), "ping", 3000);
    }

    @FaultMatrix
    void matrix(Cell cell) {
      DEGRADED.set(cell.faultName().equals("slow"));
    }
  }
}
