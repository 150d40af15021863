package dev.chaosjunit.junit.e2e;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ExcludeCell;
import dev.chaosjunit.junit.Expect;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.FaultMatrix;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * End to end: a real service against real PostgreSQL and Redis containers, 3 scenarios × 4 L4 faults
 * plus the baseline, where some cells pass and some fail for real reasons.
 */
class OrdersResilienceTest {

  @Test
  void judgesEveryCellForItsRealReasonAndWritesTheReport() throws Exception {
    EngineExecutionResults results = Fixtures.run(OrdersMatrix.class, Map.of("chaos.seed", "2024"));
    Fixtures.assertNoContainerFailed(results);
    Map<String, String> failures = Fixtures.failures(results);

    assertThat(failures).containsOnlyKeys("placeOrder × dbSlow", "placeOrder × cacheDown", "placeOrder × cacheSlow",
        "getOrder × dbSlow");
    assertThat(failures.get("placeOrder × dbSlow")).startsWith("expected SUCCESS within 1500 ms, but the scenario");
    assertThat(failures.get("placeOrder × cacheDown")).startsWith("expected SUCCESS within 1500 ms, but the scenario threw io.lettuce");
    assertThat(failures.get("getOrder × dbSlow")).startsWith("fault [dbSlow] never fired")
        .contains("verdict   = fault bypassed", "seed      = 2024");
    assertThat(Fixtures.skipped(results)).containsOnlyKeys("health × cacheDown", "health × cacheSlow");
    results.testEvents().assertStatistics(stats -> stats.started(13).succeeded(9).failed(4).skipped(2));

    String html = Files.readString(Path.of("target/chaos-reports/index.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("OrdersMatrix.resilience", "v-fault-bypassed", "v-failed", "v-passed", "v-skipped",
        "getOrder × dbSlow");
  }

  @TestFixture
  // tag::example[]
  @ChaosTest
  static class OrdersMatrix {
    @Chaos("db") static PostgreSQLContainer db = new PostgreSQLContainer(Images.postgres());
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);

    static OrderService app;
    static long knownOrder;

    @FaultAssumption static Fault dbDown = Fault.on("db").refuseConnections();
    @FaultAssumption static Fault dbSlow = Fault.on("db").latency(Duration.ofSeconds(2));
    @FaultAssumption static Fault cacheDown = Fault.on("cache").refuseConnections();
    @FaultAssumption static Fault cacheSlow = Fault.on("cache").latency(Duration.ofSeconds(2));

    @BeforeAll
    static void start(ChaosTopology topology) throws Exception {
      app = new OrderService(topology.proxy("db").jdbcUrl(), db.getUsername(), db.getPassword(),
          topology.proxy("cache").host(), topology.proxy("cache").port());
      app.createSchema();
      knownOrder = app.placeOrder("known book");
    }

    /** Runs before every cell, after the previous cell's faults were reverted. */
    @BeforeEach
    void recover() throws InterruptedException {
      app.awaitRecovery(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
      app.close();
    }

    @Scenario
    long placeOrder() throws Exception {
      return app.placeOrder("book");
    }

    @Scenario
    String getOrder() throws Exception {
      return app.getOrder(knownOrder);
    }

    @Scenario
    String health() throws Exception {
      return app.health();
    }

    @FaultMatrix(within = "1500ms")
    @ExcludeCell(scenario = "health", fault = {"cacheDown", "cacheSlow"}, reason = "health checks only the database")
    @Expect(scenario = {"placeOrder", "health"}, fault = "dbDown", value = ERROR, within = "3s")
    @Expect(scenario = "health", fault = "dbSlow", value = ERROR, within = "3s")
    void resilience(Cell cell) {
      if (cell.outcome().returned() && cell.scenario().equals("getOrder")) {
        assertThat(cell.outcome().value()).isEqualTo("known book");
      }
    }
  }
  // end::example[]
}
