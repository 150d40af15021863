package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * What a soak did: each chaos event with its detection and recovery, and the verdict against the budget.
 *
 * @param seed the seed its schedule was drawn with
 * @param budgetPercent the share of events that may be flakes
 * @param elapsed how long the soak ran, from its start to the end of its last event's recovery
 * @param events the events, in order
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SoakResult(long seed, double budgetPercent, Duration elapsed, List<Event> events) {

  public SoakResult {
    events = List.copyOf(events);
  }

  /** The share of events that were flakes, in percent (0 without events). */
  public double flakePercent() {
    return events.isEmpty() ? 0 : 100.0 * events.stream().filter(Event::flake).count() / events.size();
  }

  /** Whether the flakes stayed within the budget. */
  public boolean withinBudget() {
    return flakePercent() <= budgetPercent;
  }

  /** Fails, listing every event, when the flakes exceed the budget. */
  public void assertWithinBudget() {
    if (!withinBudget()) {
      throw new AssertionError(String.format(Locale.ROOT, "the soak exceeded its flake budget: %.1f %% of"
          + " %d events were flakes, %.1f %% allowed (seed %d)%n%s", flakePercent(), events.size(), budgetPercent,
          seed, describe()));
    }
  }

  /**
   * The soak's numbers in one line, e.g. {@code 10 events, 10 detected (latency p50 620 ms, max 1253 ms),
   * 10 recovered, flake rate 0.0 % (budget 15.0 %), 64 s, seed 7}.
   */
  public String summary() {
    List<Long> latencies = events.stream().flatMap(e -> e.detectionLatency().stream()).map(Duration::toMillis)
        .sorted().toList();
    String latency = latencies.isEmpty() ? "" : String.format(Locale.ROOT, " (latency p50 %d ms, max %d ms)",
        latencies.get((latencies.size() - 1) / 2), latencies.get(latencies.size() - 1));
    return String.format(Locale.ROOT, "%d events, %d detected%s, %d recovered, flake rate %.1f %% (budget %.1f %%),"
        + " %d s, seed %d", events.size(), events.stream().filter(Event::detected).count(), latency,
        events.stream().filter(Event::recovered).count(), flakePercent(), budgetPercent, elapsed.toSeconds(), seed);
  }

  /** One line per event. */
  public String describe() {
    return events.stream().map(Event::describe).collect(Collectors.joining("\n"));
  }

  /**
   * One chaos event of a soak.
   *
   * @param at when it started, from the soak's start
   * @param fault the fault, described
   * @param detected whether every primitive of the fault was detected in its window
   * @param detectionLatency the longest time from an apply to its detection, if any primitive was detected
   * @param recovered whether the workload worked again within the recovery after the revert
   * @param calls the workload's calls while the fault was applied
   * @param failedCalls how many of them failed or did not return in time
   * @param events what happened from the apply to the end of the recovery, timed from the apply, as in a
   *     cell: the primitives ({@link CellEvents#primitives()}), the proxies' connections and faults
   */
  @API(status = EXPERIMENTAL, since = "0.1")
  public record Event(Duration at, String fault, boolean detected, Optional<Duration> detectionLatency,
      boolean recovered, int calls, int failedCalls, CellEvents events) {

    /** Not detected, or not recovered. */
    public boolean flake() {
      return !detected || !recovered;
    }

    /** e.g. {@code +5000 ms cache: container kill ...: detected after 35 ms, recovered, 3 of 4 calls failed}. */
    public String describe() {
      return "+" + at.toMillis() + " ms " + fault + ": " + (detected
          ? "detected" + detectionLatency.map(d -> " after " + d.toMillis() + " ms").orElse("") : "NOT DETECTED")
          + ", " + (recovered ? "recovered" : "NOT RECOVERED") + ", " + failedCalls + " of " + calls + " calls failed";
    }
  }
}
