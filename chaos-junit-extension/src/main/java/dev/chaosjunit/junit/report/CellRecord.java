package dev.chaosjunit.junit.report;

import java.util.List;
import java.util.Map;

/**
 * One cell as reported.
 *
 * @param index 1-based position among the matrix's invocations
 * @param seed the seed that re-runs it
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
 * @param events what happened in the proxies, in order
 * @param rerun the command re-running the cell
 * @param uniqueId the JUnit unique ID
 * @param isolation what the sentinel found after the cell ({@code baseline restored} or the leak), empty
 *     when isolation is not checked
 */
record CellRecord(
    int index,
    long seed,
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
    List<EventRecord> events,
    String rerun,
    String uniqueId,
    String isolation) {

  public CellRecord {
    firings = Map.copyOf(firings);
    events = events == null ? List.of() : List.copyOf(events);
    isolation = isolation == null ? "" : isolation;
  }
}
