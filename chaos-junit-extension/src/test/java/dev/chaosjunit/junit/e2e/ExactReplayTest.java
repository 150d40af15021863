package dev.chaosjunit.junit.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.chaosjunit.buggify.Buggify;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.CellEvent;
import dev.chaosjunit.junit.CellEvents;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A cell's random decisions (a rule of probability 0.3, a toxic of toxicity 0.5, latency with jitter,
 * buggify sites in the scenario's own code) are
 * the same in its matrix, re-run alone by unique ID, re-run alone by {@code -Dchaos.cell} with the seed its
 * name printed, and in a matrix that runs its cells in another order: pgjdbc against PostgreSQL through
 * the proxy, each cell under the second of two iterations' seeds.
 */
class ExactReplayTest {

  private static final String RUN_SEED = "20261207";
  private static final Pattern SEED = Pattern.compile("\\[seed (-?\\d+)]");

  /** What each cell's body saw: by {@code cell name @ seed}, its events in a form two runs compare. */
  static final Map<String, List<String>> RECORDED = new ConcurrentHashMap<>();

  @BeforeEach
  void clear() {
    RECORDED.clear();
  }

  @Test
  void aCellDecidesTheSameInItsMatrixAloneAndInAnotherOrder() {
    EngineExecutionResults matrix = run(selectClass(InOrder.class), Map.of("chaos.seed", RUN_SEED));
    Event second = started(matrix, "queries × coin [seed ");
    String name = second.getTestDescriptor().getDisplayName();
    long seed = seedIn(name);
    String key = "queries × coin @" + seed;
    Map<String, List<String>> inMatrix = Map.copyOf(RECORDED);
    assertThat(inMatrix).hasSize(8).containsKey(key);
    assertThat(seed).as("the second iteration's seed, printed in its name").isNotEqualTo(Long.parseLong(RUN_SEED));
    assertThat(inMatrix.get(key)).anyMatch(e -> e.startsWith("fault-fired db fault=coin"))
        .anyMatch(e -> e.startsWith("fault-drew db fault=coin type=rule draw=probability"));

    RECORDED.clear();
    run(selectUniqueId(second.getTestDescriptor().getUniqueId()), Map.of("chaos.seed", RUN_SEED));
    assertThat(RECORDED).as("re-run by unique ID").containsOnlyKeys(key).containsEntry(key, inMatrix.get(key));

    RECORDED.clear();
    run(selectClass(InOrder.class), Map.of("chaos.seed", Long.toString(seed), "chaos.cell", "queries × coin",
        "chaos.iterations", "1"));
    assertThat(RECORDED).as("re-run by -Dchaos.cell with the printed seed").containsOnlyKeys(key)
        .containsEntry(key, inMatrix.get(key));

    RECORDED.clear();
    run(selectClass(Reversed.class), Map.of("chaos.seed", RUN_SEED));
    assertThat(RECORDED).as("the matrix in another order").containsOnlyKeys(inMatrix.keySet());
    inMatrix.forEach((cell, events) -> assertThat(RECORDED.get(cell)).as("%s in another order", cell)
        .containsExactlyElementsOf(events));
    assertThat(inMatrix.values()).as("each fault drew: toxicity, jitter, probability; and buggify sites")
        .anySatisfy(events -> assertThat(events).anyMatch(e -> e.contains("fault=halfSlow type=toxic draw=toxicity")))
        .anySatisfy(events -> assertThat(events).anyMatch(e -> e.contains("fault=jittery type=toxic draw=jitter")))
        .anySatisfy(events -> assertThat(events).anyMatch(e -> e.startsWith("buggify-drew  site=replay.")
            && e.contains("fired=true")).anyMatch(e -> e.startsWith("buggify-drew ") && e.contains("fired=false")));
  }

  private static EngineExecutionResults run(org.junit.platform.engine.DiscoverySelector selector,
      Map<String, String> parameters) {
    EngineExecutionResults results = Fixtures.run(selector, parameters);
    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    return results;
  }

  private static Event started(EngineExecutionResults results, String prefix) {
    List<Event> matching = results.testEvents().started().stream()
        .filter(e -> e.getTestDescriptor().getDisplayName().startsWith(prefix)).toList();
    assertThat(matching).hasSize(2);
    return matching.get(1);
  }

  private static long seedIn(String displayName) {
    Matcher m = SEED.matcher(displayName);
    assertThat(m.find()).as(displayName).isTrue();
    return Long.parseLong(m.group(1));
  }

  /**
   * The events without times, connection by connection (a connection's events keep their order; the
   * order between connections, and when a closed connection's last bytes pass, is the threads'), without
   * closes (the proxy sees them after the scenario returned).
   */
  static List<String> comparable(CellEvents events) {
    return events.filter(e -> !e.is(CellEvent.CONNECTION_CLOSED)).stream()
        .sorted(Comparator.comparingInt(e -> Integer.parseInt(e.attribute("connection").orElse("0"))))
        .map(CellEvent::describe).toList();
  }

  /**
   * Four connections one after another, five queries each; a failed query is an {@code E}. Before each
   * connection the test's own code reaches buggify sites (which of them are active depends on the seed).
   */
  static String queries(ChaosTopology topology, PostgreSQLContainer db) throws SQLException {
    StringBuilder seen = new StringBuilder();
    for (int c = 0; c < 4; c++) {
      seen.append(Buggify.hit("replay.a", 0.5) ? 'a' : '-').append(Buggify.hit("replay.b", 0.5) ? 'b' : '-')
          .append(Buggify.hit("replay.c", 0.5) ? 'c' : '-').append(Buggify.hit("replay.d", 0.5) ? 'd' : '-')
          .append(Buggify.hit("replay.e", 0.5) ? 'e' : '-').append(Buggify.hit("replay.f", 0.5) ? 'f' : '-');
      try (Connection connection = DriverManager.getConnection(topology.proxy("db").jdbcUrl(), db.getUsername(),
          db.getPassword()); Statement statement = connection.createStatement()) {
        for (int q = 0; q < 5; q++) {
          try {
            statement.executeQuery("SELECT " + q).close();
            seen.append('.');
          } catch (SQLException e) {
            seen.append('E');
          }
        }
      }
    }
    return seen.toString();
  }

  @TestFixture
  @ChaosTest
  static class InOrder {
    @Chaos("db") static PostgreSQLContainer db = new PostgreSQLContainer(Images.postgres());

    @FaultAssumption static Fault coin = Fault.on("db").postgres().query("SELECT*").probability(0.3)
        .error("57014", "coin");
    @FaultAssumption static Fault halfSlow = Fault.on("db").toxicity(0.5).latency(Duration.ofMillis(5));
    @FaultAssumption static Fault jittery = Fault.on("db").upstream().latency(Duration.ofMillis(4),
        Duration.ofMillis(3));

    @Scenario
    String queries(ChaosTopology topology) throws SQLException {
      return ExactReplayTest.queries(topology, db);
    }

    // requireFiring = false: these faults are random by design (probability 0.3, toxicity 0.5), so under
    // some seeds a cell rightly never fires; what the test compares is the recorded decisions themselves.
    @FaultMatrix(iterations = 2, requireFiring = false, buggify = true)
    void matrix(Cell cell) {
      RECORDED.put(cell.name() + " @" + cell.seed(), comparable(cell.events()));
    }
  }

  @TestFixture
  @ChaosTest
  static class Reversed {
    @Chaos("db") static PostgreSQLContainer db = new PostgreSQLContainer(Images.postgres());

    @FaultAssumption static Fault coin = InOrder.coin;
    @FaultAssumption static Fault halfSlow = InOrder.halfSlow;
    @FaultAssumption static Fault jittery = InOrder.jittery;

    @Scenario
    String queries(ChaosTopology topology) throws SQLException {
      return ExactReplayTest.queries(topology, db);
    }

    @FaultMatrix(faults = {"jittery", "halfSlow", "coin"}, iterations = 2, requireFiring = false, buggify = true)
    void matrix(Cell cell) {
      RECORDED.put(cell.name() + " @" + cell.seed(), comparable(cell.events()));
    }
  }
}
