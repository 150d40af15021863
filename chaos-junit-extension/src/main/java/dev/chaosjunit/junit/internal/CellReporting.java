package dev.chaosjunit.junit.internal;

import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.Verdict;
import dev.chaosjunit.junit.report.CellRecord;
import dev.chaosjunit.junit.report.MatrixReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Puts cells into the matrix report kept in the template method's store. */
public final class CellReporting {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CellReporting.class);

  private CellReporting() {}

  /** Opens the report of a matrix; JUnit closes (and so writes) it after the matrix. */
  public static void open(ExtensionContext templateContext, MatrixPlan matrix) {
    List<String> columns = new java.util.ArrayList<>();
    matrix.cells().stream().map(CellPlan::faultName).distinct().forEach(columns::add);
    List<String> rows = matrix.cells().stream().map(c -> c.scenario().name()).distinct().toList();
    templateContext.getStore(NAMESPACE).put(MatrixReport.class, new MatrixReport(matrix.testClass().getSimpleName(),
        matrix.methodName(), rows, columns, Topologies.seed(templateContext), ChaosConfig.reportsDir(templateContext),
        ChaosConfig.get(templateContext, ChaosConfig.CELL).orElse("")));
  }

  static void skipped(ExtensionContext context, CellPlan plan, String reason) {
    record(context, plan, Verdict.SKIPPED, reason, null, "");
  }

  static void finished(ExtensionContext context, CellPlan plan, CellResult result, Optional<Throwable> thrown,
      String rerun) {
    String reason = thrown.map(t -> firstLine(t.getMessage())).orElse(result == null ? "" : result.judgement().reason());
    record(context, plan, verdict(result, thrown), reason, result == null ? null : result.cell(), rerun);
  }

  private static void record(ExtensionContext context, CellPlan plan, Verdict verdict, String reason, Cell ran,
      String rerun) {
    CellRecord cell = new CellRecord(plan.index(), context.getDisplayName(), plan.scenario().name(),
        plan.faultName(), describe(plan), plan.expectation().describe(), verdict.label(), reason,
        ran == null ? "not run" : ran.outcome().summary(), ran == null ? 0 : ran.outcome().duration().toMillis(),
        ran == null ? Map.of() : ran.firings(), rerun, context.getUniqueId());
    context.getParent().map(p -> p.getStore(NAMESPACE).get(MatrixReport.class, MatrixReport.class))
        .ifPresent(report -> report.record(cell));
  }

  private static Verdict verdict(CellResult result, Optional<Throwable> thrown) {
    if (thrown.isEmpty()) {
      return result == null ? Verdict.ERRORED : result.judgement().verdict();
    }
    Throwable t = thrown.get();
    return t instanceof CellAssertionError failure ? failure.verdict()
        : t instanceof AssertionError ? Verdict.FAILED : Verdict.ERRORED;
  }

  private static String describe(CellPlan plan) {
    return plan.fault().map(f -> f.fault().describe()).orElse("no fault (baseline)");
  }

  private static String firstLine(String message) {
    String text = String.valueOf(message);
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
