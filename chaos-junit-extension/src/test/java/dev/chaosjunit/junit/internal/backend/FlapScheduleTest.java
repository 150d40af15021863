package dev.chaosjunit.junit.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FlapScheduleTest {

  private static final Duration MEAN = Duration.ofMillis(1000);

  @Test
  void theSameSeedAndServiceGiveTheSameSchedule() {
    assertThat(phases(42, "cache")).isEqualTo(phases(42, "cache"));
  }

  @Test
  void anotherSeedOrServiceGivesAnotherSchedule() {
    assertThat(phases(43, "cache")).isNotEqualTo(phases(42, "cache"));
    assertThat(phases(42, "db")).isNotEqualTo(phases(42, "cache"));
  }

  @Test
  void eachPhaseLastsBetweenHalfAndOneAndAHalfTimesTheMean() {
    assertThat(phases(7, "db")).allSatisfy(phase -> assertThat(phase)
        .isBetween(Duration.ofMillis(500), Duration.ofMillis(1500)));
  }

  private static List<Duration> phases(long seed, String service) {
    FlapSchedule schedule = new FlapSchedule(seed, service, MEAN);
    return Stream.generate(schedule::next).limit(50).toList();
  }
}
