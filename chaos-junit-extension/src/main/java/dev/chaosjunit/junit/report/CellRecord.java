package dev.chaosjunit.junit.report;

import java.util.Map;

/**
 * One cell as reported.
 *
 * @param index 1-based position
 * @param displayName the cell's display name
 * @param scenario the scenario
 * @param fault the fault's name
 * @param faultDescription what the fault does
 * @param expected the expectation
 * @param verdict the verdict, lower case ({@code passed}, {@code failed}, {@code fault bypassed}, {@code errored}, {@code skipped})
 * @param reason why
 * @param outcome the outcome summary
 * @param durationMs how long the scenario ran
 * @param firings firings per effect
 * @param exercised whether the fault was met: {@code fired}, {@code declared untouched} (an untouched
 *     cell that did not fire), {@code not met} (fired nowhere, not declared), {@code baseline} or {@code not run}
 * @param rerun the command re-running the cell
 * @param uniqueId the JUnit unique ID
 */
record CellRecord(
    int index,
    String displayName,
    String scenario,
    String fault,
    String faultDescription,
    String expected,
    String verdict,
    String reason,
    String outcome,
    long durationMs,
    Map<String, Long> firings,
    String exercised,
    String rerun,
    String uniqueId) {

  public CellRecord {
    firings = Map.copyOf(firings);
  }
}
