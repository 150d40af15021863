package dev.chaosjunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.support.EchoServer;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A soak's workload that returns nothing: each call that throws counts as failed, as a value-returning one's. */
class SoakWorkloadTest {

  @Test
  void aVoidWorkloadThatThrowsFailsEveryCallAndNoEventRecovers() {
    EngineExecutionResults results = Fixtures.run(VoidWorkloadThatAlwaysThrows.class);

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("soak(Soak)");
  }

  @TestFixture
  @ChaosTest(seed = "3")
  static class VoidWorkloadThatAlwaysThrows {
    @Chaos("echo") static InetSocketAddress echo = EchoServer.address();

    static final SoakPlan PLAN = new SoakPlan(Duration.ofMillis(1200), Duration.ofMillis(400), Duration.ofMillis(300),
        50, List.of(Fault.on("echo").network().detectedWithin(Duration.ofMillis(400)).firewallInbound()));

    @Test
    void soak(Soak soak) throws InterruptedException {
      SoakResult result = soak.run(PLAN, () -> failTheCall());

      assertThat(result.events()).as(result.describe()).isNotEmpty()
          .allMatch(event -> event.calls() > 0 && event.failedCalls() == event.calls())
          .noneMatch(SoakResult.Event::recovered);
    }

    private static void failTheCall() throws IOException {
      throw new IOException("the workload failed");
    }
  }
}
