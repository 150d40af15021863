package dev.chaosjunit.junit.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * One run of a cell: with {@code iterations = N}, each cell runs N times in a row, each under its own seed.
 *
 * @param cell the cell
 * @param index 1-based position among the matrix's invocations, as in {@code [test-template-invocation:#N]}
 * @param iteration 1-based iteration of the cell
 * @param iterations how many iterations each cell runs
 * @param seed the seed of this iteration (the run seed for the first), which re-runs it as {@code -Dchaos.seed}
 */
@API(status = INTERNAL, since = "0.1")
public record CellInvocation(CellPlan cell, int index, int iteration, int iterations, long seed) {

  /** The {@code iteration}-th run of {@code cell} in a matrix of {@code iterations} per cell. */
  public static CellInvocation of(CellPlan cell, int iteration, int iterations, long seed) {
    return new CellInvocation(cell, (cell.index() - 1) * iterations + iteration, iteration, iterations, seed);
  }
}
