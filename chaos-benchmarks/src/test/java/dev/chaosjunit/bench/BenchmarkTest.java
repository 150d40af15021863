package dev.chaosjunit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchmarkTest {

  @ParameterizedTest
  @ValueSource(strings = {"1", "5", " 7 "})
  void roundsAreAWholeNumberOfAtLeastOne(String value) {
    assertThat(Benchmark.rounds(value)).isEqualTo(Integer.parseInt(value.trim()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-2", "five", ""})
  void otherRoundsAreRefusedNamingThePropertyAndAnExample(String value) {
    assertThatThrownBy(() -> Benchmark.rounds(value)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chaos.bench.rounds (CHAOS_BENCH_ROUNDS) is [" + value + "]")
        .hasMessageContaining("at least 1, e.g. 5");
  }
}
