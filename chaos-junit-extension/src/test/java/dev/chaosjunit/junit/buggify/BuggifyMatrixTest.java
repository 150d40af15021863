package dev.chaosjunit.junit.buggify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.buggify.Buggify;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.Expect;
import dev.chaosjunit.junit.Expectation;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.junit.buggify.app.Inventory;
import dev.chaosjunit.junit.support.EchoFixture;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Buggify and the application's assertions inside matrices, run through EngineTestKit. */
class BuggifyMatrixTest {

  @TempDir Path reports;

  @Test
  void theCoverageVerdictFailsListingASometimesAssertionNeverTrue() {
    EngineExecutionResults results = Fixtures.run(SmallReservations.class, parameters("7"));

    assertThat(Fixtures.started(results)).containsExactly("small × no fault", "sometimes-assertions coverage");
    assertThat(Fixtures.failures(results)).containsOnlyKeys("sometimes-assertions coverage");
    assertThat(Fixtures.failures(results).get("sometimes-assertions coverage")).isEqualTo(
        "2 of the 3 assertions of package dev.chaosjunit.junit.buggify.app not covered by 1 cells of"
            + " SmallReservations.matrix():\n"
            + "  reachable(\"a reservation was buggified\") at Inventory.java:19: never reached\n"
            + "  sometimes(\"a big reservation happened\") at Inventory.java:23: never true (false 1×)\n"
            + "Make the chaos reach them (@FaultMatrix(buggify = true), more faults or scenarios), or remove"
            + " assertions that no longer describe the code.");
  }

  @Test
  void theCoverageVerdictPassesWhenEveryGoalIsMetAndTheJsonlSaysSo() throws Exception {
    EngineExecutionResults results = Fixtures.run(EveryReservation.class, parameters("7"));

    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("small × no fault", "small × reserveFails",
        "big × no fault", "big × reserveFails", "sometimes-assertions coverage");
    List<String> lines = Files.readAllLines(reports.resolve("EveryReservation.matrix.assertions.jsonl"));
    assertThat(lines.get(0)).startsWith("{\"antithesis_sdk\":{\"language\":{\"name\":\"Java\"");
    assertThat(lines).contains("{\"antithesis_assert\":{\"hit\":true,\"must_hit\":true,\"assert_type\":\"sometimes\","
        + "\"display_type\":\"Sometimes\",\"message\":\"a big reservation happened\",\"condition\":true,"
        + "\"id\":\"a big reservation happened\",\"location\":{\"class\":\"dev.chaosjunit.junit.buggify.app.Inventory\","
        + "\"function\":\"reserve\",\"file\":\"Inventory.java\",\"begin_line\":23,\"begin_column\":0},\"details\":{}}}");
    assertThat(lines).filteredOn(l -> l.contains("\"hit\":false")).hasSize(3);
  }

  @Test
  void theReportShowsEachAssertionAndTheMatrixsCoverageVerdict() throws Exception {
    Fixtures.run(SmallReservations.class, parameters("7"));

    String json = Files.readString(reports.resolve("SmallReservations.matrix.json"));
    assertThat(json).contains("\"coverage\" : \"not covered: 2 of 3\"", "\"kind\" : \"sometimes\"",
        "\"message\" : \"a big reservation happened\"", "\"location\" : \"Inventory.java:23\"",
        "\"problem\" : \"never true (false 1×)\"");
    String html = Files.readString(reports.resolve("index.html"));
    assertThat(html).contains("<h3>Assertions · coverage not covered: 2 of 3</h3>",
        "<tr class=\"v-failed\"><td>a big reservation happened</td><td>sometimes</td><td>Inventory.java:23</td>"
            + "<td>0</td><td>1</td><td>never true (false 1×)</td></tr>",
        "<tr class=\"v-passed\"><td>a reservation is positive</td><td>always</td><td>Inventory.java:22</td>"
            + "<td>1</td><td>0</td><td>ok</td></tr>");
  }

  @Test
  void aMatrixWithoutCoverageReportsViolationsButNoCoverageProblems() throws Exception {
    Fixtures.run(NegativeReservation.class, parameters("7"));

    String html = Files.readString(reports.resolve("index.html"));
    assertThat(html).contains("<h3>Assertions</h3>",
        "<tr class=\"v-failed\"><td>a reservation is positive</td><td>always</td><td>not catalogued</td>"
            + "<td>0</td><td>1</td><td>violated</td></tr>",
        "<tr class=\"v-passed\"><td>a big reservation happened</td><td>sometimes</td><td>not catalogued</td>"
            + "<td>0</td><td>1</td><td>ok</td></tr>");
  }

  @Test
  void aBrokenAlwaysAssertionFailsItsCellNamingIt() {
    EngineExecutionResults results = Fixtures.run(NegativeReservation.class, parameters("7"));

    assertThat(Fixtures.failures(results)).containsOnlyKeys("none × no fault");
    assertThat(Fixtures.failures(results).get("none × no fault")).startsWith("the application broke its own assertion"
        + " always(\"a reservation is positive\") with details {count=0}; the scenario returned")
        .contains("verdict   = failed");
  }

  @Test
  void aForcedSiteFiresAtEveryReachAndCountsAsTheFaultsFirings() {
    EngineExecutionResults results = Fixtures.run(EveryReservation.class, parameters("7"));

    assertThat(EveryReservation.firings).containsExactly(Map.of(), Map.of(
        "buggify [inventory.reserve]: site inventory.reserve forced on", 1L), Map.of(), Map.of(
        "buggify [inventory.reserve]: site inventory.reserve forced on", 1L));
    assertThat(Fixtures.failures(results)).isEmpty();
  }

  @Test
  void aForcedSiteTheScenarioNeverReachesIsABypassedFault() {
    Map<String, String> failures = Fixtures.failures(Fixtures.run(Unreached.class, parameters("7")));

    assertThat(failures).containsOnlyKeys("quiet × reserveFails");
    assertThat(failures.get("quiet × reserveFails")).startsWith("fault [reserveFails] never fired");
  }

  @Test
  void anUnknownSiteFailsAtDiscovery() {
    EngineExecutionResults results = Fixtures.run(UnknownSite.class, parameters("7"));

    assertThat(Fixtures.started(results)).isEmpty();
    assertThat(Fixtures.onlyFailure(results)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@FaultAssumption on [UnknownSite.typo]: fault [typo] forces buggify site [inventory.reserv],"
            + " which no Buggify call in the test class's package or the matrix's coverage classes names (known:"
            + " [inventory.reserve, inventory.scan]); fix the site name, or name a class of the application's"
            + " package in @FaultMatrix(coverage = ...)");
  }

  @Test
  void randomBuggifyReplaysPerSeedAndCellAlone() {
    Fixtures.run(Scans.class, parameters("17"));
    List<List<Boolean>> whole = new ArrayList<>(Scans.draws);
    Fixtures.run(Scans.class, Map.of("chaos.seed", "17", "chaos.reports.dir", reports.toString(),
        "chaos.cell", "scanB × no fault"));
    List<List<Boolean>> alone = new ArrayList<>(Scans.draws);

    assertThat(whole).hasSize(2);
    assertThat(whole.get(1)).as("an active site under seed 17").contains(true, false);
    assertThat(alone).containsExactly(whole.get(1));
    assertThat(whole.get(0)).as("another cell draws otherwise").isNotEqualTo(whole.get(1));
  }

  @Test
  void randomBuggifyIsOffUnlessTheMatrixAsksForIt() {
    Fixtures.run(ScansWithoutBuggify.class, parameters("17"));

    assertThat(ScansWithoutBuggify.draws).containsExactly(List.of(false, false, false, false, false, false, false,
        false, false, false, false, false, false, false, false, false));
  }

  @Test
  void aQuietPhaseSilencesEvenAForcedSite() {
    Map<String, String> failures = Fixtures.failures(Fixtures.run(Quiet.class, parameters("7")));

    assertThat(failures).isEmpty();
    assertThat(Quiet.results).containsExactly("reserved 1");
  }

  @Test
  void aMatrixOfBuggifySitesNeedsNoProxiedService() {
    EngineExecutionResults results = Fixtures.run(SitesOnly.class, parameters("7"));

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.started(results)).containsExactly("reserve × no fault", "reserve × reserveFails");
    assertThat(Fixtures.failures(results)).isEmpty();
  }

  private Map<String, String> parameters(String seed) {
    return Map.of("chaos.seed", seed, "chaos.reports.dir", reports.toString());
  }

  @TestFixture
  static class SitesOnly {

    @FaultAssumption static Fault reserveFails = Fault.buggify("inventory.reserve");

    @Scenario
    String reserve() {
      return Inventory.reserve(3);
    }

    @FaultMatrix
    @Expect(fault = "reserveFails", value = Expectation.ERROR)
    void matrix() {}
  }

  static class SmallReservations extends EchoFixture {

    @Scenario
    String small() {
      return Inventory.reserve(1);
    }

    @FaultMatrix(scenarios = "small", coverage = Inventory.class)
    void matrix() {}
  }

  static class EveryReservation extends EchoFixture {

    static final List<Map<String, Long>> firings = new ArrayList<>();

    @FaultAssumption static Fault reserveFails = Fault.buggify("inventory.reserve");

    @Scenario
    String small() {
      return Inventory.reserve(1);
    }

    @Scenario
    String big() {
      return Inventory.reserve(500);
    }

    @FaultMatrix(scenarios = {"small", "big"}, coverage = Inventory.class)
    @Expect(fault = "reserveFails", value = Expectation.ERROR)
    void matrix(Cell cell) {
      if (cell.index() == 1) {
        firings.clear();
      }
      firings.add(cell.firings());
    }
  }

  static class NegativeReservation extends EchoFixture {

    @Scenario
    String none() {
      return Inventory.reserve(0);
    }

    @FaultMatrix(scenarios = "none")
    void matrix() {}
  }

  static class Unreached extends EchoFixture {

    @FaultAssumption static Fault reserveFails = Fault.buggify("inventory.reserve");

    @Scenario
    String quiet() {
      return "did not reserve";
    }

    @FaultMatrix(scenarios = "quiet", baseline = false)
    void matrix() {}
  }

  static class UnknownSite extends EchoFixture {

    @FaultAssumption static Fault typo = Fault.buggify("inventory.reserv");

    @FaultMatrix
    void matrix() {}
  }

  static class Scans extends EchoFixture {

    static final List<List<Boolean>> draws = new ArrayList<>();

    @Scenario
    List<Boolean> scanA() {
      return Inventory.scan(16);
    }

    @Scenario
    List<Boolean> scanB() {
      return Inventory.scan(16);
    }

    @FaultMatrix(scenarios = {"scanA", "scanB"}, buggify = true)
    @SuppressWarnings("unchecked")
    void matrix(Cell cell) {
      if (cell.index() == 1 || draws.size() == 2) {
        draws.clear();
      }
      draws.add((List<Boolean>) cell.outcome().value());
    }
  }

  static class ScansWithoutBuggify extends EchoFixture {

    static final List<List<Boolean>> draws = new ArrayList<>();

    @Scenario
    List<Boolean> scanB() {
      return Inventory.scan(16);
    }

    @FaultMatrix(scenarios = "scanB")
    @SuppressWarnings("unchecked")
    void matrix(Cell cell) {
      draws.clear();
      draws.add((List<Boolean>) cell.outcome().value());
    }
  }

  static class Quiet extends EchoFixture {

    static final List<String> results = new ArrayList<>();

    @FaultAssumption static Fault reserveFails = Fault.buggify("inventory.reserve");

    @Scenario
    @SuppressWarnings("try")
    String quietly() {
      try (Buggify.Quiet quiet = Buggify.quiet()) {
        return Inventory.reserve(1);
      }
    }

    @FaultMatrix(scenarios = "quietly", baseline = false)
    @Expect(scenario = "quietly", value = Expectation.SUCCESS, untouched = true)
    void matrix(Cell cell) {
      results.clear();
      results.add(String.valueOf(cell.outcome().value()));
    }
  }
}
