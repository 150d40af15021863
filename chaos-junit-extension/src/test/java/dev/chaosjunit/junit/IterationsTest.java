package dev.chaosjunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.chaosjunit.junit.support.EchoFixture;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @FaultMatrix(iterations = N)} and {@code -Dchaos.iterations}: each cell N times, each under its own seed. */
class IterationsTest {

  private static final Pattern SEED = Pattern.compile("\\[seed (-?\\d+)]$");

  @Test
  void eachCellRunsUnderEachIterationsSeedInARowTheFirstUnderTheRunSeed() {
    EngineExecutionResults results = Fixtures.run(Three.class, Map.of("chaos.seed", "11"));

    assertThat(Fixtures.failures(results)).isEmpty();
    List<String> names = Fixtures.started(results);
    assertThat(names).hasSize(6);
    List<Long> seeds = names.stream().map(IterationsTest::seedIn).toList();
    assertThat(seeds.get(0)).isEqualTo(11);
    assertThat(seeds.subList(0, 3)).doesNotHaveDuplicates().isEqualTo(seeds.subList(3, 6));
    assertThat(names.get(0)).isEqualTo("ping × no fault [seed 11]");
    assertThat(names.get(4)).isEqualTo("ping × slow [seed " + seeds.get(1) + "]");
    assertThat(results.testEvents().started().stream().map(e -> e.getTestDescriptor().getUniqueId().getLastSegment()
        .getValue())).containsExactly("#1", "#2", "#3", "#4", "#5", "#6");
  }

  @Test
  void anIterationReRunsByItsUniqueId() {
    EngineExecutionResults whole = Fixtures.run(Three.class, Map.of("chaos.seed", "11"));
    var fifth = whole.testEvents().started().list().get(4).getTestDescriptor();

    EngineExecutionResults alone = Fixtures.run(selectUniqueId(fifth.getUniqueId()), Map.of("chaos.seed", "11"));

    assertThat(Fixtures.started(alone)).containsExactly(fifth.getDisplayName());
    assertThat(Fixtures.failures(alone)).isEmpty();
  }

  @Test
  void theSettingOverridesTheAnnotation() {
    EngineExecutionResults results = Fixtures.run(Three.class, Map.of("chaos.seed", "11", "chaos.iterations", "1"));

    assertThat(Fixtures.started(results)).containsExactly("ping × no fault", "ping × slow");
  }

  @Test
  void aFailingIterationPrintsTheCommandThatReRunsItAlone() {
    EngineExecutionResults results = Fixtures.run(FailsPastTheFirst.class, Map.of("chaos.seed", "11"));

    Map<String, String> failures = Fixtures.failures(results);
    assertThat(failures).as("the second iteration of the only cell").hasSize(1);
    String name = failures.keySet().iterator().next();
    assertThat(name).startsWith("ping × no fault [seed ");
    assertThat(failures.get(name)).contains("seed      = " + seedIn(name), "-Dchaos.cell='ping × no fault' -Dchaos.seed="
        + seedIn(name) + " -Dchaos.iterations=1");
  }

  private static long seedIn(String name) {
    Matcher m = SEED.matcher(name);
    assertThat(m.find()).as(name).isTrue();
    return Long.parseLong(m.group(1));
  }

  @TestFixture
  static class Three extends EchoFixture {
    @FaultAssumption static dev.chaosjunit.fault.Fault slow =
        dev.chaosjunit.fault.Fault.on("echo").latency(java.time.Duration.ofMillis(1));

    @FaultMatrix(iterations = 3)
    void matrix() {}
  }

  @TestFixture
  static class FailsPastTheFirst extends EchoFixture {
    @FaultMatrix(iterations = 2)
    void matrix(Cell cell) {
      assertThat(cell.seed()).as("only the run seed passes").isEqualTo(11);
    }
  }
}
