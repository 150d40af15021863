package dev.chaosjunit.junit.internal;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * A validated matrix: its cells in order and how to run them.
 *
 * @param testClass the class
 * @param methodName the template method's name
 * @param cells the cells, scenarios outer and faults inner
 * @param faults the fault columns, in order (baseline excluded)
 * @param baseline whether the baseline column exists
 * @param requireFiring whether unfired faults fail the cell
 * @param timeout how long a scenario may run
 * @param namePattern the display name pattern, blank = configured default
 * @param seed the pinned seed, if any
 */
public record MatrixPlan(
    Class<?> testClass,
    String methodName,
    List<CellPlan> cells,
    List<FaultDef> faults,
    boolean baseline,
    boolean requireFiring,
    Duration timeout,
    String namePattern,
    OptionalLong seed) {}
