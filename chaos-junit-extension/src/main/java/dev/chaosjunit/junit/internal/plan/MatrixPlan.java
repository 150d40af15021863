package dev.chaosjunit.junit.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.junit.internal.buggify.Catalogue;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntToLongFunction;
import org.apiguardian.api.API;

/**
 * A validated matrix: its cells in order and how to run them.
 *
 * @param testClass the class
 * @param methodName the template method's name
 * @param cells the cells, scenarios outer and faults inner
 * @param requireFiring whether unfired faults fail the cell
 * @param timeout how long a scenario may run
 * @param namePattern the display name pattern, blank = configured default
 * @param statusReaders the {@code @StatusOf} methods, the test class's own first
 * @param readiness the probe polled before each cell, if any
 * @param buggify whether buggify runs at random in every cell
 * @param coverage the catalogue of the assertions whose coverage the matrix judges, if any
 * @param iterations how many times each cell runs, each under its own seed
 */
@API(status = INTERNAL, since = "0.1")
public record MatrixPlan(
    Class<?> testClass,
    String methodName,
    List<CellPlan> cells,
    boolean requireFiring,
    Duration timeout,
    String namePattern,
    List<Method> statusReaders,
    Optional<ReadinessProbe> readiness,
    boolean buggify,
    Optional<Catalogue> coverage,
    int iterations) {

  /** The invocations, cell by cell, each cell's iterations in a row, under seeds {@code seedOf} gives. */
  public List<CellInvocation> invocations(IntToLongFunction seedOf) {
    List<CellInvocation> all = new ArrayList<>();
    for (CellPlan cell : cells) {
      for (int i = 1; i <= iterations; i++) {
        all.add(CellInvocation.of(cell, i, iterations, seedOf.applyAsLong(i)));
      }
    }
    return all;
  }
}
