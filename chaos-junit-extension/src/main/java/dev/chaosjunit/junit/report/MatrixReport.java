package dev.chaosjunit.junit.report;

import dev.chaosjunit.junit.internal.buggify.CataloguedAssertion;
import dev.chaosjunit.junit.internal.buggify.Ledger;
import dev.chaosjunit.junit.internal.buggify.Tally;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The cells of one matrix as they finish. Lives in the template method's store: when JUnit closes it
 * after the last cell, it writes the matrix's JSON file and re-renders the HTML page of the directory.
 * A run of the whole matrix writes {@code <Class>.<method>.json} and removes the file of an earlier
 * re-run; a re-run of the cells a {@code chaos.cell} filter selects writes
 * {@code <Class>.<method>.rerun.json} and leaves the whole matrix's file alone.
 */
// JUnit closes a Store value that is AutoCloseable from 5.13 on, and one that is a CloseableResource
// (deprecated since 5.13, closed only when AutoCloseable is not) on 5.12 too: both, so one close on each.
@SuppressWarnings("deprecation")
final class MatrixReport implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  private final String testClass;
  private final String method;
  private final List<String> scenarios;
  private final List<String> faults;
  private final long seed;
  private final Path directory;
  private final String cellFilter;
  private final Map<Integer, CellRecord> cells = new TreeMap<>();
  private final Ledger assertions;
  private final boolean judgesCoverage;
  private final Supplier<TimeRecord> time;

  /**
   * A report for a matrix with these rows and columns (baseline included), written to {@code directory};
   * {@code cellFilter} is the {@code chaos.cell} filter of a re-run, empty for a run of the whole matrix;
   * {@code time} tells where the class's time went when the matrix ends.
   */
  MatrixReport(String testClass, String method, List<String> scenarios, List<String> faults, long seed,
      Path directory, String cellFilter, Ledger assertions, boolean judgesCoverage, Supplier<TimeRecord> time) {
    this.time = time;
    this.assertions = assertions;
    this.judgesCoverage = judgesCoverage;
    this.testClass = testClass;
    this.method = method;
    this.scenarios = List.copyOf(scenarios);
    this.faults = List.copyOf(faults);
    this.seed = seed;
    this.directory = directory;
    this.cellFilter = cellFilter;
  }

  /** Records a finished cell (a later record of the same cell replaces the earlier one). */
  synchronized void record(CellRecord cell) {
    cells.put(cell.index(), cell);
  }

  /** The matrix so far. */
  private synchronized MatrixData data() {
    List<AssertionRecord> records = assertions.tallies().stream().map(this::record).toList();
    long uncovered = records.stream().filter(a -> !a.problem().isEmpty()).count();
    String coverage = !judgesCoverage ? "" : uncovered == 0 ? "covered"
        : "not covered: " + uncovered + " of " + records.size();
    return new MatrixData(testClass, method, seed, scenarios, faults, new ArrayList<>(cells.values()), cellFilter,
        records, coverage, time.get());
  }

  /** The assertion's counts, and its coverage problem when this matrix judges coverage. */
  private AssertionRecord record(Tally tally) {
    CataloguedAssertion a = tally.assertion();
    return new AssertionRecord(a.type().method(), a.message(), a.location(), tally.trueCount(), tally.falseCount(),
        !judgesCoverage || tally.coverageProblem() == null ? "" : tally.coverageProblem());
  }

  @Override
  public void close() {
    MatrixData data = data();
    Path whole = directory.resolve(testClass + "." + method + ".json");
    Path rerun = directory.resolve(testClass + "." + method + ".rerun.json");
    JsonReport.write(data, data.filtered() ? rerun : whole);
    if (!data.filtered()) {
      JsonReport.delete(rerun);
    }
    HtmlReport.write(directory);
  }
}
