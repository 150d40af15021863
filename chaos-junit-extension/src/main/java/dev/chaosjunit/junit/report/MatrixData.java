package dev.chaosjunit.junit.report;

import java.util.List;

/**
 * One matrix as written to and read from its JSON file.
 *
 * @param testClass the test class's simple name
 * @param method the template method
 * @param seed the seed its proxies used
 * @param scenarios the rows, in order
 * @param faults the columns, in order (the baseline {@code no fault} first when present)
 * @param cells the cells that finished, in order
 * @param cellFilter the {@code chaos.cell} filter of a re-run, empty for a run of the whole matrix
 * @param assertions the application's assertions evaluated or catalogued over the matrix
 * @param coverage the matrix's coverage verdict ({@code covered}, {@code not covered: 2 of 5}), empty when it
 *     judges none
 * @param time where the test class's time went up to the matrix's end, with the matrix's cells
 */
record MatrixData(String testClass, String method, long seed, List<String> scenarios, List<String> faults,
    List<CellRecord> cells, String cellFilter, List<AssertionRecord> assertions, String coverage, TimeRecord time) {

  MatrixData {
    assertions = assertions == null ? List.of() : assertions;
    coverage = coverage == null ? "" : coverage;
  }

  /** Whether only the cells of a {@code chaos.cell} filter ran. */
  public boolean filtered() {
    return cellFilter != null && !cellFilter.isEmpty();
  }
}
