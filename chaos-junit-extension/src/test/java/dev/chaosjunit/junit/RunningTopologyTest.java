package dev.chaosjunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.junit.support.EchoServer;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@link ChaosTopology#running(Class)}: what an integration that knows only the test class (a Spring
 * test context) reads, already when the test instance is constructed, in both instance lifecycles.
 */
class RunningTopologyTest {

  @Test
  void perClassInstancesSeeTheProxiesInTheirConstructor() {
    assertRunsClean(Fixtures.run(PerClass.class));
  }

  @Test
  void perMethodInstancesSeeTheProxiesInTheirConstructor() {
    assertRunsClean(Fixtures.run(PerMethod.class));
  }

  @Test
  void theTopologyIsGoneOnceTheClassEnds() {
    assertRunsClean(Fixtures.run(PerClass.class));

    assertThat(ChaosTopology.running(PerClass.class)).isEmpty();
  }

  private static void assertRunsClean(EngineExecutionResults results) {
    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @TestFixture
  @ChaosTest
  abstract static class ReadsInConstructor {
    @Chaos("echo") static InetSocketAddress echo = EchoServer.address();

    final Optional<ChaosTopology> seenAtConstruction = ChaosTopology.running(getClass());

    @Test
    void sameProxiesAsTheParameter(ChaosTopology topology) {
      assertThat(seenAtConstruction).containsSame(topology);
    }
  }

  @TestInstance(Lifecycle.PER_CLASS)
  static class PerClass extends ReadsInConstructor {}

  static class PerMethod extends ReadsInConstructor {}
}
