package dev.chaosjunit.junit.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.Verdict;
import dev.chaosjunit.junit.internal.ChaosConfig;
import dev.chaosjunit.junit.internal.Isolation;
import dev.chaosjunit.junit.internal.plan.CellInvocation;
import dev.chaosjunit.junit.internal.plan.CellPlan;
import dev.chaosjunit.junit.internal.plan.MatrixPlan;
import dev.chaosjunit.junit.report.CellReporting;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The extension of one cell invocation: skips it when excluded or filtered, runs the cell before the
 * method body, resolves the {@link Cell} parameter, enriches failures of the body, checks with the
 * {@link Sentinel} that nothing of the cell is left when isolation is checked, records the verdict.
 */
@API(status = INTERNAL, since = "0.1")
public final class CellExtension implements ExecutionCondition, BeforeTestExecutionCallback, ParameterResolver,
    TestExecutionExceptionHandler, AfterTestExecutionCallback {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CellExtension.class);
  private static final String STARTED = "started";

  private final MatrixPlan matrix;
  private final CellInvocation invocation;
  private final CellPlan plan;
  private final Isolation isolation;

  /** The extension of one invocation of a cell in {@code matrix}, its isolation checked or not. */
  public CellExtension(MatrixPlan matrix, CellInvocation invocation, Isolation isolation) {
    this.matrix = matrix;
    this.invocation = invocation;
    this.plan = invocation.cell();
    this.isolation = isolation;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<String> reason = plan.exclusion().map(r -> "excluded by @ExcludeCell: " + r)
        .or(() -> ChaosConfig.get(context, ChaosConfig.CELL).map(CellFilter::parse).filter(f -> !f.accepts(plan))
            .map(f -> "filtered out by " + f.describe()));
    if (reason.isEmpty()) {
      return ConditionEvaluationResult.enabled("cell " + plan.name() + " runs");
    }
    CellReporting.skipped(context, invocation, reason.get());
    return ConditionEvaluationResult.disabled(reason.get());
  }

  @Override
  public void beforeTestExecution(ExtensionContext context) throws Exception {
    context.getStore(NAMESPACE).put(STARTED, System.nanoTime());
    TopologyResource proxies = Topologies.obtain(context);
    CellResult result = new CellExecution(proxies, Topologies.runner(context), matrix,
        MatrixAssertions.ledger(context)).run(invocation, context.getRequiredTestInstance());
    context.getStore(NAMESPACE).put(CellResult.class, result);
    Verdict verdict = result.judgement().verdict();
    if (verdict == Verdict.ERRORED) {
      throw new CellErroredException(message(result.judgement().reason(), verdict, result, context),
          result.error().orElse(null));
    }
    if (verdict != Verdict.PASSED) {
      throw new CellAssertionError(verdict, message(result.judgement().reason(), verdict, result, context),
          result.cell().outcome().error());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Cell.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return result(context).cell();
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
    if (thrown instanceof CellAssertionError || thrown instanceof CellErroredException) {
      throw thrown;
    }
    String original = String.valueOf(thrown.getMessage());
    if (thrown instanceof AssertionError) {
      throw new CellAssertionError(Verdict.FAILED, message(original, Verdict.FAILED, result(context), context), thrown);
    }
    throw new CellErroredException(message(original, Verdict.ERRORED, result(context), context), thrown);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) throws InterruptedException {
    CellResult result = result(context);
    Optional<String> leak = isolation == Isolation.CHECK ? new Sentinel(Topologies.obtain(context),
        Topologies.runner(context), matrix, MatrixAssertions.ledger(context))
        .check(invocation, context.getRequiredTestInstance()) : Optional.empty();
    Optional<Throwable> thrown = context.getExecutionException();
    String reason = thrown.map(t -> firstLine(t.getMessage())).or(() -> leak)
        .orElse(result == null ? "" : result.judgement().reason());
    Verdict verdict = thrown.isEmpty() && leak.isPresent() ? Verdict.ERRORED : verdict(result, thrown);
    String checked = isolation == Isolation.CHECK ? leak.orElse(CellReporting.ISOLATED) : "";
    CellReporting.finished(context, invocation, verdict, reason, result == null ? null : result.cell(),
        rerun(context, result), checked);
    Topologies.time(context).cell(context.getRequiredTestMethod().getName(),
        Duration.ofNanos(System.nanoTime() - context.getStore(NAMESPACE).get(STARTED, Long.class)));
    if (leak.isPresent()) {
      throw new CellErroredException(result == null ? leak.get()
          : message(leak.get(), Verdict.ERRORED, result, context), null);
    }
  }

  /** The verdict of what the cell and its body did; a failure of the body decides over the cell's judgement. */
  private static Verdict verdict(CellResult result, Optional<Throwable> thrown) {
    if (thrown.isEmpty()) {
      return result == null ? Verdict.ERRORED : result.judgement().verdict();
    }
    Throwable t = thrown.get();
    return t instanceof CellAssertionError failure ? failure.verdict()
        : t instanceof AssertionError ? Verdict.FAILED : Verdict.ERRORED;
  }

  private static String firstLine(String message) {
    String text = String.valueOf(message);
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private String message(String original, Verdict verdict, CellResult result, ExtensionContext context) {
    String endpoints = Topologies.topology(context).describe();
    CellContext cell = new CellContext(plan, endpoints, rerun(context, result), context.getUniqueId());
    return FailureMessage.of(original, verdict, result, cell);
  }

  private String rerun(ExtensionContext context, CellResult result) {
    return RerunCommand.of(context, matrix, invocation).line();
  }

  private static CellResult result(ExtensionContext context) {
    return context.getStore(NAMESPACE).get(CellResult.class, CellResult.class);
  }
}
