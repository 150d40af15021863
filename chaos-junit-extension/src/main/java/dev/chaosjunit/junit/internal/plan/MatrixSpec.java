package dev.chaosjunit.junit.internal.plan;

import dev.chaosjunit.junit.ExcludeCell;
import java.util.List;

/**
 * What a {@code @FaultMatrix} or {@code @FaultScenario} method asks for, before validation.
 *
 * @param annotation the annotation's simple name, for messages
 * @param element {@code Class.method()}, for messages
 * @param scenarios selected scenario names, empty = all
 * @param faults selected fault names, empty = all
 * @param defaultExpect the expectation of faulted cells not otherwise selected
 * @param overrides the {@code @Expect}s
 * @param excludes the {@code @ExcludeCell}s
 * @param baseline whether the baseline column exists
 * @param requireFiring whether unfired faults fail the cell
 * @param timeout the scenario timeout text
 * @param namePattern the display name pattern, blank = configured default
 * @param readiness the readiness probe's method name, blank = none
 * @param readinessTimeout how long the probe may take to succeed
 * @param buggify whether buggify runs at random in every cell
 * @param coverage the classes whose packages hold the assertions the matrix judges, empty = none
 * @param iterations how many times each cell runs
 */
record MatrixSpec(
    String annotation,
    String element,
    List<String> scenarios,
    List<String> faults,
    ExpectRule defaultExpect,
    List<ExpectRule> overrides,
    List<ExcludeCell> excludes,
    boolean baseline,
    boolean requireFiring,
    String timeout,
    String namePattern,
    String readiness,
    String readinessTimeout,
    boolean buggify,
    List<Class<?>> coverage,
    int iterations) {}
