package dev.chaosjunit.junit.report;

import java.util.List;

/**
 * One soak as written to and read from its JSON file.
 *
 * @param testClass the test class's simple name
 * @param method the test method that ran it
 * @param seed the seed its schedule was drawn with
 * @param budgetPercent the share of events that may be flakes
 * @param flakePercent the share of events that were flakes
 * @param elapsedMs how long it ran
 * @param summary its numbers in one line
 * @param events its chaos events, in order
 */
record SoakRecord(String testClass, String method, long seed, double budgetPercent, double flakePercent,
    long elapsedMs, String summary, List<Event> events) {

  SoakRecord {
    events = events == null ? List.of() : List.copyOf(events);
  }

  /** Whether the flakes stayed within the budget. */
  boolean withinBudget() {
    return flakePercent <= budgetPercent;
  }

  /**
   * One chaos event of the soak.
   *
   * @param atMs when it was scheduled, from the soak's start
   * @param fault the fault, described
   * @param detected whether every primitive was detected in its window
   * @param detectionLatencyMs the longest time from an apply to its detection, -1 when nothing was detected
   * @param recovered whether the workload worked again within the recovery
   * @param calls the workload's calls while the fault was applied
   * @param failedCalls how many of them failed
   * @param events what happened from the apply to the end of the recovery, timed from the apply
   */
  record Event(long atMs, String fault, boolean detected, long detectionLatencyMs, boolean recovered, int calls,
      int failedCalls, List<EventRecord> events) {

    Event {
      events = events == null ? List.of() : List.copyOf(events);
    }

    boolean flake() {
      return !detected || !recovered;
    }
  }
}
