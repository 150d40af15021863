package dev.chaosjunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.support.EchoFixture;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A readiness probe before each cell, and requireFiring per {@code @Expect}. */
class CellHygieneTest {

  @Test
  void pollsTheReadinessProbeBeforeEachCellUntilItSucceeds() {
    Recovering.LOG.clear();
    Recovering.PROBES.set(0);

    EngineExecutionResults results = Fixtures.run(Recovering.class);

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(Recovering.LOG).containsExactly("probe", "probe", "probe", "cell ping × no fault",
        "probe", "probe", "probe", "cell ping × slow");
  }

  @Test
  void errorsACellWhoseProbeNeverSucceedsWithTheProbesLastFailure() {
    Map<String, String> failures = Fixtures.failures(Fixtures.run(NeverReady.class));

    assertThat(failures).containsOnlyKeys("ping × no fault");
    assertThat(failures.get("ping × no fault")).startsWith("the cell errored: ")
        .contains("readiness probe ready() did not succeed within 300 ms", "its last attempt threw "
            + "java.lang.IllegalStateException: still starting", "verdict   = errored");
  }

  @Test
  void failsAtDiscoveryWhenTheProbeIsMissing() {
    Throwable thrown = Fixtures.onlyFailure(Fixtures.run(MissingProbe.class));

    assertThat(thrown).isInstanceOf(ExtensionConfigurationException.class).hasMessage("@FaultMatrix on"
        + " [MissingProbe.matrix()]: readiness names no probe method [ready]; declare boolean ready() or void"
        + " ready() (optionally taking a ChaosTopology) in the test class");
  }

  @Test
  void anUntouchedCellLetsAHealthScenarioShareTheMatrix(@TempDir Path reports) throws IOException {
    EngineExecutionResults results = Fixtures.run(HealthInMatrix.class, Map.of("chaos.reports.dir", reports.toString()));

    assertThat(Fixtures.failures(results)).containsOnlyKeys("idle × slow");
    assertThat(Fixtures.failures(results).get("idle × slow")).startsWith("fault [slow] never fired")
        .contains("or declare the cell @Expect(untouched = true) if the fault is not on its path");
    assertThat(Fixtures.started(results)).containsExactly("ping × slow", "health × slow", "idle × slow");
    String json = Files.readString(reports.resolve("HealthInMatrix.matrix.json"));
    assertThat(List.of("ping", "health", "idle")).map(scenario -> verdictAndExercised(json, scenario))
        .containsExactly("passed/fired", "passed/declared untouched", "fault bypassed/not met");
    assertThat(Files.readString(reports.resolve("index.html"))).contains("declared untouched", "not met");
  }

  /** The verdict and the "exercised" field of the report's cell of {@code scenario}. */
  private static String verdictAndExercised(String json, String scenario) {
    Matcher cell = Pattern.compile("\"scenario\" : \"" + scenario + "\".*?\"verdict\" : \"([^\"]*)\""
        + ".*?\"exercised\" : \"([^\"]*)\"", Pattern.DOTALL).matcher(json);
    return cell.find() ? cell.group(1) + "/" + cell.group(2) : "no cell " + scenario;
  }

  @Test
  void anUntouchedCellWhoseFaultFiresFails() {
    Map<String, String> failures = Fixtures.failures(Fixtures.run(WronglyUntouched.class));

    assertThat(failures).containsOnlyKeys("ping × slow");
    assertThat(failures.get("ping × slow")).startsWith("fault [slow] was declared untouched for this scenario,"
        + " but fired 1×: the scenario does reach the faulted service").contains("verdict   = failed");
  }

  @TestFixture
  static class Recovering extends EchoFixture {
    static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());
    static final AtomicInteger PROBES = new AtomicInteger();

    @FaultAssumption static Fault slow = Fault.on("echo").latency(Duration.ofMillis(20));

    // tag::readiness[]
    /** Ready on every third attempt: the service "recovers" after two failed probes. */
    boolean ready() {
      LOG.add("probe");
      return PROBES.incrementAndGet() % 3 == 0;
    }

    @FaultMatrix(readiness = "ready", readinessTimeout = "60s")
    void matrix(Cell cell) {
      LOG.add("cell " + cell.name());
    }
    // end::readiness[]
  }

  @TestFixture
  static class NeverReady extends EchoFixture {
    void ready() {
      throw new IllegalStateException("still starting");
    }

    @FaultMatrix(readiness = "ready", readinessTimeout = "300ms")
    void matrix() {}
  }

  @TestFixture
  static class MissingProbe extends EchoFixture {
    @FaultMatrix(readiness = "ready")
    void matrix() {}
  }

  @TestFixture
  static class HealthInMatrix extends EchoFixture {
    @FaultAssumption static Fault slow = Fault.on("echo").latency(Duration.ofMillis(20));

    // tag::require-firing[]
    @Scenario
    String health() {
      return "up, without the echo service";
    }
    // end::require-firing[]

    @Scenario
    String idle() {
      return "no traffic either";
    }

    // tag::require-firing[]
    @FaultMatrix(baseline = false)
    @Expect(scenario = "health", value = Expectation.SUCCESS, untouched = true)
    void matrix() {}
    // end::require-firing[]
  }

  /** ping does reach the echo service: declaring it untouched is wrong, and the verdict says so. */
  @TestFixture
  static class WronglyUntouched extends EchoFixture {
    @FaultAssumption static Fault slow = Fault.on("echo").latency(Duration.ofMillis(20));

    @FaultMatrix(baseline = false)
    @Expect(scenario = "ping", value = Expectation.SUCCESS, untouched = true)
    void matrix() {}
  }
}
