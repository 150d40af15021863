package dev.chaosjunit.junit;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static dev.chaosjunit.junit.Expectation.HANG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.support.EchoClient;
import dev.chaosjunit.junit.support.EchoFixture;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Expansion: order, names, every cell emitted, filters and exclusions skipped, unique-ID re-run. */
class FaultMatrixExpansionTest {

  @Test
  void expandsScenariosOuterFaultsInnerInDeclarationOrderAllPassing() {
    EngineExecutionResults results = Fixtures.run(EchoMatrix.class);

    assertThat(Fixtures.started(results)).containsExactly(
        "ping × no fault", "ping × slow", "ping × dead", "ping × down",
        "pingTwice × no fault", "pingTwice × slow", "pingTwice × dead", "pingTwice × down");
    assertThat(Fixtures.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(8).succeeded(8));
  }

  @Test
  void runsCellsOneAfterAnotherEvenWithParallelExecution() {
    EngineExecutionResults results = Fixtures.run(EchoMatrix.class, Map.of(
        "junit.jupiter.execution.parallel.enabled", "true",
        "junit.jupiter.execution.parallel.mode.default", "concurrent"));

    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly(
        "ping × no fault", "ping × slow", "ping × dead", "ping × down",
        "pingTwice × no fault", "pingTwice × slow", "pingTwice × dead", "pingTwice × down");
  }

  @Test
  void reRunsOneCellByItsUniqueId() {
    String template = "[engine:junit-jupiter]/[class:" + EchoMatrix.class.getName()
        + "]/[test-template:resilience(dev.chaosjunit.junit.Cell)]";
    EngineExecutionResults results = Fixtures.run(selectUniqueId(template + "/[test-template-invocation:#7]"), Map.of());

    assertThat(Fixtures.started(results)).containsExactly("pingTwice × dead");
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Test
  void filtersCellsByChaosCellButStillReportsThemSkipped() {
    EngineExecutionResults results = Fixtures.run(EchoMatrix.class, Map.of("chaos.cell", "ping × slow, * × down"));

    assertThat(Fixtures.started(results)).containsExactly("ping × slow", "ping × down", "pingTwice × down");
    assertThat(Fixtures.skipped(results)).containsOnlyKeys(
        "ping × no fault", "ping × dead", "pingTwice × no fault", "pingTwice × slow", "pingTwice × dead")
        .containsValue("filtered out by chaos.cell=[ping × slow, * × down]");
  }

  @Test
  void excludedCellsAreSkippedWithTheReason() {
    EngineExecutionResults results = Fixtures.run(Excluding.class);

    assertThat(Fixtures.skipped(results)).containsExactly(Map.entry("ping × slow", "excluded by @ExcludeCell: later"));
    assertThat(Fixtures.started(results)).containsExactly("ping × no fault");
  }

  @Test
  void namesCellsByThePatternOfTheMatrix() {
    EngineExecutionResults results = Fixtures.run(Excluding.class, Map.of("chaos.cell", "nothing"));
    assertThat(Fixtures.skipped(results)).containsOnlyKeys("ping × no fault", "ping × slow");

    EngineExecutionResults named = Fixtures.run(Named.class);
    assertThat(Fixtures.started(named)).containsExactly("1: ping under no fault");
  }

  @Test
  void namesCellsByTheConfiguredGlobalPattern() {
    EngineExecutionResults results = Fixtures.run(Excluding.class, Map.of("chaos.matrix.name", "[{fault}] {scenario}"));
    assertThat(Fixtures.started(results)).containsExactly("[no fault] ping");
  }

  @TestFixture
  static class EchoMatrix extends EchoFixture {
    @FaultAssumption static Fault slow = Fault.on("echo").latency(Duration.ofMillis(200));
    @FaultAssumption static Fault dead = Fault.on("echo").timeout(Duration.ZERO);

    @FaultAssumption
    static Fault down() {
      return Fault.on("echo").refuseConnections();
    }

    @Scenario
    String pingTwice(ChaosTopology topology) throws IOException {
      return ping(topology) + EchoClient.roundTrip(topology.proxy("echo"), "again", 3000);
    }

    @FaultMatrix
    @Expect(fault = "dead", value = HANG, within = "400ms")
    @Expect(fault = "down", value = ERROR, within = "2s")
    void resilience(Cell cell) {
      assertThat(cell.outcome().returned()).isEqualTo(!cell.faultName().equals("dead") && !cell.faultName().equals("down"));
    }
  }

  @TestFixture
  static class Excluding extends EchoFixture {
    @FaultAssumption static Fault slow = Fault.on("echo").latency(Duration.ofMillis(10));

    @FaultMatrix
    @ExcludeCell(fault = "slow", reason = "later")
    void matrix() {}
  }

  static class Named extends Excluding {
    @Override
    @FaultMatrix(faults = {}, name = "{index}: {scenario} under {fault}")
    @ExcludeCell(fault = "slow", reason = "only the baseline is named here")
    void matrix() {}
  }
}
