package dev.chaosjunit.junit.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.internal.ChaosConfig;
import dev.chaosjunit.junit.internal.buggify.Ledger;
import dev.chaosjunit.junit.internal.plan.MatrixPlan;
import java.lang.reflect.Method;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;

/**
 * The last test of a matrix that judges coverage: it fails listing every sometimes-assertion never true,
 * reachable one never reached and always-assertion never reached over the matrix's cells. The template
 * method's body does not run for it (its {@link Cell} parameter is {@code null}). Skipped when a
 * {@code chaos.cell} filter runs part of the matrix, since coverage is judged over the whole matrix.
 */
@API(status = INTERNAL, since = "0.1")
public final class CoverageVerdict implements ExecutionCondition, ParameterResolver, InvocationInterceptor {

  /** The display name of the coverage test. */
  public static final String NAME = "sometimes-assertions coverage";

  private final MatrixPlan matrix;

  /** The coverage verdict of {@code matrix}. */
  public CoverageVerdict(MatrixPlan matrix) {
    this.matrix = matrix;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return ChaosConfig.get(context, ChaosConfig.CELL)
        .map(filter -> ConditionEvaluationResult.disabled("coverage is judged over the whole matrix, and -D"
            + ChaosConfig.CELL + "=" + filter + " runs part of it"))
        .orElse(ConditionEvaluationResult.enabled("judging the coverage of " + catalogueScope()));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Cell.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return null;
  }

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) {
    invocation.skip();
    List<String> problems = MatrixAssertions.ledger(context).coverageProblems();
    if (!problems.isEmpty()) {
      throw new AssertionFailedError(message(problems, MatrixAssertions.ledger(context)));
    }
  }

  private String message(List<String> problems, Ledger ledger) {
    return problems.size() + " of the " + ledger.catalogue().assertions().size() + " assertions of "
        + catalogueScope() + " not covered by " + matrix.cells().size() + " cells of " + matrix.testClass()
        .getSimpleName() + "." + matrix.methodName() + "():\n  " + String.join("\n  ", problems)
        + "\nMake the chaos reach them (@FaultMatrix(buggify = true), more faults or scenarios), or remove"
        + " assertions that no longer describe the code.";
  }

  private String catalogueScope() {
    return matrix.coverage().map(c -> c.scope()).orElse("no catalogue");
  }
}
