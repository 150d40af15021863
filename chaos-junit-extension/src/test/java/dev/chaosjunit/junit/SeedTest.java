package dev.chaosjunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.junit.support.EchoClient;
import dev.chaosjunit.junit.support.EchoServer;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Where a class's seed comes from when matrices pin it: declared, inherited, overridden. */
class SeedTest {

  @Test
  void aMatrixInheritedFromASuperclassPinsTheSeed() {
    EngineExecutionResults results = Fixtures.run(InheritsPin.class);

    assertThat(Fixtures.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Test
  void anOverridingMatrixPinsItsOwnSeedInsteadOfTheOverriddenOne() {
    EngineExecutionResults results = Fixtures.run(OverridesPin.class);

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Test
  void theConfigurationParameterOverridesAnInheritedPin() {
    EngineExecutionResults results = Fixtures.run(InheritsPin.class, Map.of("chaos.seed", "99"));

    assertThat(Fixtures.failures(results)).containsOnlyKeys("idle × no fault")
        .hasEntrySatisfying("idle × no fault", m -> assertThat(m).contains("seed      = 99"));
  }

  @TestFixture
  static class PinningBase {
    @Chaos("echo") static InetSocketAddress echo = EchoServer.address();

    /** One round trip, so the class's proxy carries traffic. */
    @Scenario
    String idle(ChaosTopology topology) throws IOException {
      return EchoClient.roundTrip(topology.proxy("echo"), "idle", 3000);
    }

    @FaultMatrix(seed = "13")
    void pinned(Cell cell) {
      assertThat(cell.seed()).isEqualTo(13);
    }
  }

  @TestFixture
  static class InheritsPin extends PinningBase {}

  @TestFixture
  static class OverridesPin extends PinningBase {
    @Override
    @FaultMatrix(seed = "14")
    void pinned(Cell cell) {
      assertThat(cell.seed()).isEqualTo(14);
    }
  }
}
