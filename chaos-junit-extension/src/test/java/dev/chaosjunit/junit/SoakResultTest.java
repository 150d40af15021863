package dev.chaosjunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SoakResultTest {

  @Test
  void summarisesEventsDetectionLatencyFlakeRateAndDuration() {
    SoakResult result = new SoakResult(7, 15, Duration.ofMillis(64_900), List.of(
        event(0, true, 620, true), event(6000, true, 1253, true), event(12000, true, 300, false),
        event(18000, false, -1, true)));

    assertThat(result.summary()).isEqualTo("4 events, 3 detected (latency p50 620 ms, max 1253 ms), 3 recovered,"
        + " flake rate 50.0 % (budget 15.0 %), 64 s, seed 7");
    assertThatThrownBy(result::assertWithinBudget).hasMessageStartingWith(
        "the soak exceeded its flake budget: 50.0 % of 4 events were flakes, 15.0 % allowed (seed 7)");
  }

  @Test
  void leavesTheLatencyOutWhenNothingWasDetected() {
    SoakResult result = new SoakResult(3, 15, Duration.ofSeconds(18), List.of(event(0, false, -1, true)));

    assertThat(result.summary()).isEqualTo("1 events, 0 detected, 1 recovered, flake rate 100.0 % (budget 15.0 %),"
        + " 18 s, seed 3");
  }

  private static SoakResult.Event event(long at, boolean detected, long latency, boolean recovered) {
    return new SoakResult.Event(Duration.ofMillis(at), "cache: container pause", detected,
        latency < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(latency)), recovered, 4, 1, CellEvents.none());
  }
}
