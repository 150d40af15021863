package dev.chaosjunit.junit.internal.backend;

import dev.chaosjunit.fault.SeedMath;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The phases of a flapping link, down first, then up, down...: each between half and one and a half times
 * the mean, drawn from the cell's seed and the service, so the same seed gives the same schedule.
 */
final class FlapSchedule {

  private final SplittableRandom random;
  private final long meanMillis;

  FlapSchedule(long seed, String service, Duration meanPhase) {
    this.random = new SplittableRandom(SeedMath.mix(seed ^ SeedMath.hash(service)));
    this.meanMillis = Math.max(2, meanPhase.toMillis());
  }

  /** The next phase's length. */
  Duration next() {
    return Duration.ofMillis(random.nextLong(meanMillis / 2, meanMillis * 3 / 2 + 1));
  }
}
