package dev.chaosjunit.junit.internal;

import java.time.Duration;
import java.util.List;

/**
 * A validated matrix: its cells in order and how to run them.
 *
 * @param testClass the class
 * @param methodName the template method's name
 * @param cells the cells, scenarios outer and faults inner
 * @param requireFiring whether unfired faults fail the cell
 * @param timeout how long a scenario may run
 * @param namePattern the display name pattern, blank = configured default
 */
public record MatrixPlan(
    Class<?> testClass,
    String methodName,
    List<CellPlan> cells,
    boolean requireFiring,
    Duration timeout,
    String namePattern) {}
