package dev.chaosjunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Fault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakPlanTest {

  private static final List<Fault> FAULTS = List.of(Fault.on("db").container().kill(),
      Fault.on("cache").container().pause(), Fault.on("db").container().restart());

  private static SoakPlan plan(Duration duration, double budget) {
    return new SoakPlan(duration, Duration.ofSeconds(2), Duration.ofSeconds(3), budget, FAULTS);
  }

  @Test
  void theSameSeedDrawsTheSameSchedule() {
    SoakPlan plan = plan(Duration.ofMinutes(5), 15);

    assertThat(plan.schedule(42)).isEqualTo(plan.schedule(42)).hasSize(60);
    assertThat(plan.schedule(42)).extracting(SoakPlan.Scheduled::faultIndex)
        .isNotEqualTo(plan.schedule(43).stream().map(SoakPlan.Scheduled::faultIndex).toList())
        .containsOnly(0, 1, 2).contains(0, 1, 2);
  }

  @Test
  void eventsFollowEachOtherByHoldAndRecovery() {
    assertThat(plan(Duration.ofSeconds(12), 15).schedule(7)).extracting(SoakPlan.Scheduled::at)
        .containsExactly(Duration.ZERO, Duration.ofSeconds(5));
  }

  @Test
  void aScheduleLongerThanTheSoakIsRefused() {
    assertThatThrownBy(() -> plan(Duration.ofSeconds(4), 15)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("one chaos event (hold 2000 ms + recovery 3000 ms) is longer than the soak (4000 ms):"
            + " lengthen the soak or shorten the event");
  }

  @Test
  void aBudgetOutsideZeroToHundredIsRefused() {
    assertThatThrownBy(() -> plan(Duration.ofMinutes(1), 101)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the flake budget must be between 0 and 100 %, was [101.0]");
    assertThatThrownBy(() -> plan(Duration.ofMinutes(1), -1)).hasMessageContaining("was [-1.0]");
  }

  @Test
  void aBuggifySiteIsRefused() {
    assertThatThrownBy(() -> new SoakPlan(Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 15,
        List.of(Fault.on("db").container().kill(), Fault.buggify("cache.write"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a soak acts at the proxies and containers; [")
        .hasMessageEndingWith("] forces a buggify site, which only a @FaultMatrix cell installs: leave it out of the soak");
  }

  @Test
  void aPlanWithoutFaultsIsRefused() {
    assertThatThrownBy(() -> new SoakPlan(Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 15,
        List.of())).hasMessage("a soak needs at least one fault to draw from");
  }
}
