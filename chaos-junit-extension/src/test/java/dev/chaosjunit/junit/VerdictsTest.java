package dev.chaosjunit.junit;

import static dev.chaosjunit.junit.Expectation.CUSTOM;
import static dev.chaosjunit.junit.Expectation.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.support.EchoClient;
import dev.chaosjunit.junit.support.EchoFixture;
import dev.chaosjunit.junit.support.EchoServer;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Every verdict, the failure message block, seeds, and revert after failure and timeout. */
class VerdictsTest {

  @Test
  void judgesPassedFailedBypassedAndErrored() {
    EngineExecutionResults results = Fixtures.run(Verdicts.class,
        Map.of("chaos.seed", "42", "chaos.matrix.name", "{scenario} × {fault}"));
    Map<String, String> failures = Fixtures.failures(results);

    assertThat(failures).containsOnlyKeys("ping × slow", "idle × slow");
    assertThat(failures.get("ping × slow"))
        .startsWith("expected SUCCESS within 100 ms, but the scenario did not return within 100 ms")
        .contains("verdict   = failed", "scenario  = ping", "fault     = slow (echo: latency downstream",
            "seed      = 42", "proxies   = echo=127.0.0.1:", "firings   = {echo [slow]: latency downstream",
            "rerun     = mvn -pl chaos-junit-extension test -Dtest='VerdictsTest$Verdicts#verdicts'"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dchaos.cell='ping × slow' -Dchaos.seed=42 ",
            " -Dchaos.matrix.name='{scenario} × {fault}'",
            "unique id = [engine:junit-jupiter]/[class:dev.chaosjunit.junit.VerdictsTest$Verdicts]");
    assertThat(failures.get("idle × slow")).startsWith("fault [slow] never fired").contains("verdict   = fault bypassed");
    assertThat(Fixtures.started(results)).containsExactly("idle × no fault", "idle × slow", "ping × no fault", "ping × slow");
  }

  @Test
  void judgesAnInfrastructureFailureErrored() {
    Map<String, String> failures = Fixtures.failures(Fixtures.run(Squatted.class, Map.of("chaos.seed", "3")));

    assertThat(failures).containsOnlyKeys("squat × down");
    assertThat(failures.get("squat × down")).startsWith("the cell errored: dev.chaosjunit.proxy.ProxyListenException")
        .contains("verdict   = errored", "seed      = 3");
  }

  @Test
  void failsTheClassAtDiscoveryForAToxicWithAnUnknownAttribute() {
    EngineExecutionResults results = Fixtures.run(BogusToxic.class);

    assertThat(Fixtures.started(results)).isEmpty();
    assertThat(Fixtures.onlyFailure(results)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@FaultAssumption on [BogusToxic broken]: toxic [latency_downstream]: unknown attribute [bogus]"
            + " for type [latency]; it has [latency, jitter]; toxic is down or a Toxiproxy toxic type, params its"
            + " attributes in Toxiproxy's units");
  }

  @Test
  void putsTheOriginalMessageOfABodyAssertionFirst() {
    Map<String, String> failures = Fixtures.failures(Fixtures.run(BodyCheck.class, Map.of("chaos.seed", "5")));

    assertThat(failures).containsOnlyKeys("ping × no fault");
    assertThat(failures.get("ping × no fault")).contains("\"pong\"", "\"ping\"", "verdict   = failed", "seed      = 5");
    assertThat(failures.get("ping × no fault").indexOf("pong")).isLessThan(failures.get("ping × no fault").indexOf("verdict"));
  }

  @Test
  void revertsFaultsAfterFailureAndTimeout() {
    EngineExecutionResults results = Fixtures.run(Reverting.class);

    assertThat(Fixtures.failures(results)).containsOnlyKeys("ping × dead")
        .hasEntrySatisfying("ping × dead", m -> assertThat(m).startsWith("expected SUCCESS, but the scenario did not return within 300 ms"));
    assertThat(Fixtures.started(results)).containsExactly("ping × dead", "pingAgain × dead", "pingAfter × no fault");
  }

  @Test
  void pinsTheSeedByAnnotationAndJudgesCustomPredicates() {
    EngineExecutionResults results = Fixtures.run(Pinned.class);
    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    assertThat(Fixtures.failures(results).get("ping × slow")).startsWith("check fast() returned false")
        .contains("seed      = 7");
  }

  @TestFixture
  static class Verdicts extends EchoFixture {
    @FaultAssumption static Fault slow = Fault.on("echo").latency(Duration.ofMillis(300));

    @Scenario
    String idle() {
      return "no traffic";
    }

    /**
     * idle first: a timed-out ping leaves its connection open with the delayed echo in flight, and a slow
     * toxic applied again while it drains counts that as a firing (see the closing note of session 3).
     */
    @FaultMatrix(scenarios = {"idle", "ping"}, within = "100ms")
    void verdicts() {}
  }

  /** A real infrastructure failure: the proxy's port is taken while the proxy is down, so reverting fails. */
  @TestFixture
  static class Squatted {
    @Chaos("echo") static InetSocketAddress echo = EchoServer.address();
    @FaultAssumption static Fault down = Fault.on("echo").refuseConnections();
    private static ServerSocket squatter;

    /** Binds the proxy's port, retrying while the closed listener's socket is still being released. */
    @Scenario
    String squat(ChaosTopology topology) throws IOException, InterruptedException {
      ProxyEndpoint proxy = topology.proxy("echo");
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
      while (true) {
        try {
          squatter = new ServerSocket(proxy.port(), 1, InetAddress.getByName(proxy.host()));
          return "squatting";
        } catch (java.net.BindException e) {
          if (System.nanoTime() > deadline) {
            throw e;
          }
          Thread.sleep(20);
        }
      }
    }

    @AfterEach
    void release() throws IOException {
      squatter.close();
    }

    @FaultMatrix(baseline = false)
    void squatted() {}
  }

  @FaultAssumption(name = "broken", on = "echo", toxic = "latency", params = "bogus=1")
  @TestFixture
  static class BogusToxic {
    @Chaos("echo") static InetSocketAddress echo = EchoServer.address();

    @Scenario
    String idle() {
      return "no traffic";
    }

    @FaultMatrix
    void bogus() {}
  }

  @TestFixture
  static class BodyCheck extends EchoFixture {
    @FaultMatrix
    void body(Cell cell) {
      assertThat(cell.outcome().value()).isEqualTo("pong");
    }
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  @TestFixture
  static class Reverting extends EchoFixture {
    @FaultAssumption static Fault dead = Fault.on("echo").timeout(Duration.ZERO);

    @Scenario
    String pingAgain(ChaosTopology topology) throws IOException {
      return ping(topology);
    }

    @Scenario
    String pingAfter(ChaosTopology topology) throws IOException {
      return EchoClient.roundTrip(topology.proxy("echo"), "after", 500);
    }

    @Order(1)
    @FaultMatrix(scenarios = {"ping", "pingAgain"}, baseline = false, timeout = "300ms")
    @Expect(scenario = "pingAgain", value = dev.chaosjunit.junit.Expectation.HANG, within = "300ms")
    void failing() {}

    @Order(2)
    @FaultMatrix(scenarios = "pingAfter", faults = {})
    @dev.chaosjunit.junit.ExcludeCell(fault = "dead", reason = "only the baseline, after the faults above")
    void after() {}
  }

  @TestFixture
  static class Pinned extends EchoFixture {
    @FaultAssumption static Fault slow = Fault.on("echo").latency(Duration.ofMillis(250));

    @FaultMatrix(seed = "7", expect = CUSTOM, check = "fast")
    void pinned(Cell cell) {
      assertThat(cell.seed()).isEqualTo(7);
    }

    boolean fast(Outcome outcome) {
      return outcome.duration().compareTo(Duration.ofMillis(200)) < 0;
    }
  }
}
