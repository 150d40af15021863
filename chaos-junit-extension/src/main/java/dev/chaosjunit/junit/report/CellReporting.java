package dev.chaosjunit.junit.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.Verdict;
import dev.chaosjunit.junit.internal.ChaosConfig;
import dev.chaosjunit.junit.internal.buggify.Ledger;
import dev.chaosjunit.junit.internal.plan.CellInvocation;
import dev.chaosjunit.junit.internal.plan.CellPlan;
import dev.chaosjunit.junit.internal.plan.MatrixPlan;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Puts cells into the matrix report kept in the template method's store. */
@API(status = INTERNAL, since = "0.1")
public final class CellReporting {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CellReporting.class);

  /** What a cell's record says when the sentinel found nothing of it left. */
  public static final String ISOLATED = "baseline restored";

  private CellReporting() {}

  /**
   * Opens the report of a matrix run with {@code seed}, with the application's assertions over it and where the
   * class's time went ({@code time}, asked when the matrix ends); JUnit closes (and so writes) it after the matrix.
   */
  public static void open(ExtensionContext templateContext, MatrixPlan matrix, long seed, Ledger assertions,
      Supplier<TimeRecord> time) {
    List<String> columns = matrix.cells().stream().map(CellPlan::faultName).distinct().toList();
    List<String> rows = matrix.cells().stream().map(c -> c.scenario().name()).distinct().toList();
    templateContext.getStore(NAMESPACE).put(MatrixReport.class, new MatrixReport(matrix.testClass().getSimpleName(),
        matrix.methodName(), rows, columns, seed, ChaosConfig.reportsDir(templateContext),
        ChaosConfig.get(templateContext, ChaosConfig.CELL).orElse(""), assertions, matrix.coverage().isPresent(),
        time));
  }

  /** Records a cell that did not run, and why. */
  public static void skipped(ExtensionContext cellContext, CellInvocation invocation, String reason) {
    record(cellContext, invocation, Verdict.SKIPPED, reason, null, "", "");
  }

  /**
   * Records a cell that ran ({@code ran} is {@code null} when it never got to run its scenario); {@code isolation}
   * is what the sentinel found after it ({@link #ISOLATED} or the leak), empty when isolation is not checked.
   */
  public static void finished(ExtensionContext cellContext, CellInvocation invocation, Verdict verdict,
      String reason, Cell ran, String rerun, String isolation) {
    record(cellContext, invocation, verdict, reason, ran, rerun, isolation);
  }

  private static void record(ExtensionContext context, CellInvocation invocation, Verdict verdict, String reason,
      Cell ran, String rerun, String isolation) {
    CellPlan plan = invocation.cell();
    CellRecord cell = new CellRecord(invocation.index(), invocation.seed(), context.getDisplayName(), plan.scenario().name(),
        plan.faultName(), describe(plan), plan.expectation().describe(), verdict.label(), reason,
        ran == null ? "not run" : ran.outcome().summary(), ran == null ? 0 : ran.outcome().duration().toMillis(),
        ran == null ? Map.of() : ran.firings(), exercised(plan, ran), ran == null ? List.of()
        : EventRecord.of(ran.events()), rerun, context.getUniqueId(), isolation);
    context.getParent().map(p -> p.getStore(NAMESPACE).get(MatrixReport.class, MatrixReport.class))
        .ifPresent(report -> report.record(cell));
  }

  private static String exercised(CellPlan plan, Cell ran) {
    if (plan.fault().isEmpty()) {
      return "baseline";
    }
    if (ran == null) {
      return "not run";
    }
    if (ran.totalFirings() > 0) {
      return "fired";
    }
    return plan.expectation().untouched() ? "declared untouched" : "not met";
  }

  private static String describe(CellPlan plan) {
    return plan.fault().map(f -> f.fault().describe()).orElse("no fault (baseline)");
  }
}
