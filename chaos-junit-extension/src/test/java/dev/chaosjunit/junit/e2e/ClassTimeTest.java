package dev.chaosjunit.junit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import dev.chaosjunit.proxy.internal.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Where a class's time went, as its matrix's report says: two real Redis containers that need
 * {@value #SLOW_START_MS} ms to come up, started by the extension together; a static initialiser, a
 * {@code @BeforeAll} (the application's start) and scenarios that each take a known time.
 */
class ClassTimeTest {

  static final long SLOW_START_MS = 4000;
  static final long CLASS_INIT_MS = 300;
  static final long APP_MS = 700;
  static final long SCENARIO_MS = 200;

  @Test
  void theMatrixReportSaysHowLongEachPartOfTheClassTook(@TempDir Path reports) throws Exception {
    new Stamped().close(); // Testcontainers' Docker client, set up on first use: not part of the fixture's time
    EngineExecutionResults results = Fixtures.run(Timed.class, Map.of("chaos.reports.dir", reports.toString()));

    Fixtures.assertNoContainerFailed(results);
    assertThat(results.testEvents().succeeded().count()).as("the two cells").isEqualTo(2);
    Map<?, ?> time = (Map<?, ?>) JsonFiles.read(reports.resolve("Timed.matrix.json"), Map.class).get("time");
    @SuppressWarnings("unchecked")
    Map<String, Number> each = (Map<String, Number>) time.get("containerMs");
    assertThat(each.keySet()).as("the containers the extension started").containsExactlyInAnyOrder("first", "second");
    long together = millis(time, "containersMs");
    assertThat(each.values()).as("each container's start, %s in all", together)
        .allSatisfy(took -> assertThat(took.longValue()).isBetween(SLOW_START_MS, together));
    assertThat(Duration.between(Timed.first.startedAt, Timed.second.startedAt).abs())
        .as("the two containers started together, not one after the other is up")
        .isLessThan(Duration.ofMillis(SLOW_START_MS));
    assertThat(millis(time, "classInitMs")).as("the static initialiser").isBetween(CLASS_INIT_MS, CLASS_INIT_MS + 2000);
    assertThat(millis(time, "appMs")).as("the @BeforeAll").isBetween(APP_MS, APP_MS + 2000);
    assertThat(millis(time, "cellsMs")).as("two cells").isBetween(2 * SCENARIO_MS, 2 * SCENARIO_MS + 4000);
    assertThat(millis(time, "cells")).isEqualTo(2);
    assertThat(millis(time, "proxiesMs")).as("the engine and two proxies").isPositive().isLessThan(30_000);
    assertThat(Files.readString(reports.resolve("index.html")))
        .containsPattern("class init 0\\.\\d s, containers \\d+\\.\\d s \\((first|second) \\d+\\.\\d s, "
            + "(first|second) \\d+\\.\\d s\\), proxies \\d+\\.\\d s, app \\d\\.\\d s, cells \\d+\\.\\d s \\(2\\)");
  }

  private static long millis(Map<?, ?> time, String part) {
    return ((Number) time.get(part)).longValue();
  }

  @TestFixture
  @ChaosTest
  static class Timed {
    @Chaos("first") static Stamped first = new Stamped();
    @Chaos("second") static Stamped second = new Stamped();

    @FaultAssumption static Fault slow = Fault.on("first").latency(Duration.ofMillis(5));

    static {
      sleep(CLASS_INIT_MS);
    }

    @BeforeAll
    static void startTheApplication() {
      sleep(APP_MS);
    }

    @Scenario
    String works(ChaosTopology topology) throws IOException {
      sleep(SCENARIO_MS);
      return TeardownTest.ping(topology.proxy("first")) + TeardownTest.ping(topology.proxy("second"));
    }

    @FaultMatrix
    void matrix() {}
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A Redis container that listens only {@value #SLOW_START_MS} ms after it starts, and records when it started. */
  static final class Stamped extends GenericContainer<Stamped> {
    volatile Instant startedAt;

    Stamped() {
      super(Images.redis());
      withExposedPorts(6379).withCommand("sh", "-c",
          "sleep " + SLOW_START_MS / 1000.0 + " && exec redis-server --protected-mode no")
          .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));
    }

    @Override
    protected void containerIsStarting(InspectContainerResponse info) {
      startedAt = Instant.parse(info.getState().getStartedAt());
    }
  }
}
