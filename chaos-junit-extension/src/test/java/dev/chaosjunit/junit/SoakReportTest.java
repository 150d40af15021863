package dev.chaosjunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.support.EchoClient;
import dev.chaosjunit.junit.support.EchoServer;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A soak in the reports: its JSON beside the matrices', and its numbers and timeline on the HTML page. */
class SoakReportTest {

  @Test
  void writesTheSoaksEventsWithTheWorkloadsCallsAndDrawsItsTimeline(@TempDir Path reports) throws IOException {
    EngineExecutionResults results = Fixtures.run(PartitionedEcho.class, Map.of("chaos.reports.dir",
        reports.toString()));

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(reports.resolve("PartitionedEcho.soak.json")).doesNotExist();
    String json = Files.readString(reports.resolve("soaks/PartitionedEcho.soak.json"));
    assertThat(json).contains("\"seed\" : 3", "\"budgetPercent\" : 50.0", "\"fault\" : \"echo: partition",
        "\"kind\" : \"primitive-applied\"", "\"kind\" : \"primitive-detected\"", "\"kind\" : \"primitive-reverted\"",
        "\"kind\" : \"connection-opened\"", "\"kind\" : \"soak-call-failed\"", "\"kind\" : \"soak-call-succeeded\"",
        "\"phase\" : \"hold\"", "\"phase\" : \"recovery\"", "\"summary\" : \"2 events, 2 detected (latency p50");
    String html = Files.readString(reports.resolve("index.html"));
    assertThat(html).contains("<h2>PartitionedEcho.soak · soak</h2>",
        "within its flake budget · 2 events, 2 detected",
        "aria-label=\"soak timeline\"", ">workload</text>", ">echo</text>",
        "soak-call-failed workload phase=hold millis=", "primitive-detected echo primitive=partition")
        .doesNotContain("http://", "https://", "<script");
  }

  @TestFixture
  @ChaosTest(seed = "3")
  static class PartitionedEcho {
    @Chaos("echo") static InetSocketAddress echo = EchoServer.address();

    static final SoakPlan PLAN = new SoakPlan(Duration.ofMillis(2400), Duration.ofMillis(700), Duration.ofMillis(500),
        50, List.of(Fault.on("echo").network().detectedWithin(Duration.ofMillis(700)).partition()));

    @Test
    void soak(Soak soak, ChaosTopology topology) throws InterruptedException {
      SoakResult result = soak.run(PLAN, () -> EchoClient.roundTrip(topology.proxy("echo"), "ping", 200));

      assertThat(result.events()).as(result.describe()).hasSize(2).allMatch(SoakResult.Event::detected)
          .allMatch(SoakResult.Event::recovered);
    }
  }
}
