package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.fault.BuggifySite;
import dev.chaosjunit.fault.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * A bounded soak: for {@code duration}, one chaos event after another, each a fault drawn from
 * {@code faults} by the seed, applied for {@code hold} while the workload runs, then reverted and given
 * {@code recovery} to work again. Faults act at the proxies and containers (buggify sites are refused).
 * An event is a flake when its fault was not detected or the workload did not work again within the
 * recovery; the soak holds when flakes stay within {@code budgetPercent} of the events.
 *
 * @param duration how long the soak runs
 * @param hold how long each fault stays applied
 * @param recovery how long the workload may take to work again after each revert
 * @param budgetPercent the share of events that may be flakes, 0 to 100
 * @param faults the faults drawn from, in order
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SoakPlan(Duration duration, Duration hold, Duration recovery, double budgetPercent, List<Fault> faults) {

  public SoakPlan {
    if (faults == null || faults.isEmpty()) {
      throw new IllegalArgumentException("a soak needs at least one fault to draw from");
    }
    faults = List.copyOf(faults);
    faults.stream().filter(f -> f.effects().stream().anyMatch(e -> e.effect() instanceof BuggifySite)).findFirst()
        .ifPresent(f -> {
          throw new IllegalArgumentException("a soak acts at the proxies and containers; [" + f.describe() + "] forces"
              + " a buggify site, which only a @FaultMatrix cell installs: leave it out of the soak");
        });
    if (!(budgetPercent >= 0 && budgetPercent <= 100)) {
      throw new IllegalArgumentException("the flake budget must be between 0 and 100 %, was [" + budgetPercent + "]");
    }
    if (hold == null || recovery == null || duration == null || hold.isNegative() || hold.isZero()
        || recovery.isNegative() || recovery.isZero()) {
      throw new IllegalArgumentException("hold and recovery must be positive durations, were [" + hold + "] and ["
          + recovery + "]");
    }
    if (duration.compareTo(hold.plus(recovery)) < 0) {
      throw new IllegalArgumentException("one chaos event (hold " + hold.toMillis() + " ms + recovery "
          + recovery.toMillis() + " ms) is longer than the soak (" + duration.toMillis() + " ms): lengthen the soak"
          + " or shorten the event");
    }
  }

  /** The events this plan runs with {@code seed}: one per hold + recovery that fits, the same for the same seed. */
  public List<Scheduled> schedule(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Duration slot = hold.plus(recovery);
    List<Scheduled> events = new ArrayList<>();
    for (Duration at = Duration.ZERO; at.plus(slot).compareTo(duration) <= 0; at = at.plus(slot)) {
      int index = random.nextInt(faults.size());
      events.add(new Scheduled(at, index, faults.get(index)));
    }
    return events;
  }

  /**
   * One chaos event of a schedule.
   *
   * @param at when it starts, from the soak's start
   * @param faultIndex the fault's position in the plan
   * @param fault the fault
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Scheduled(Duration at, int faultIndex, Fault fault) {}
}
