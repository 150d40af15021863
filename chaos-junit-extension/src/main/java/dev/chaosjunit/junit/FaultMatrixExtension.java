package dev.chaosjunit.junit;

import dev.chaosjunit.junit.internal.Isolation;
import dev.chaosjunit.junit.internal.plan.CellInvocation;
import dev.chaosjunit.junit.internal.plan.CellOrder;
import dev.chaosjunit.junit.internal.plan.MatrixAnalyzer;
import dev.chaosjunit.junit.internal.plan.MatrixPlan;
import dev.chaosjunit.junit.internal.plan.ServiceScanner;
import dev.chaosjunit.junit.internal.run.Seeds;
import dev.chaosjunit.junit.internal.run.MatrixAssertions;
import dev.chaosjunit.junit.internal.run.Topologies;
import dev.chaosjunit.junit.report.CellReporting;
import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Expands a {@link FaultMatrix} or {@link FaultScenario} method into its cells, one invocation each, in the
 * configured order, and a last one judging assertion coverage when the matrix asks for it.
 */
final class FaultMatrixExtension implements TestTemplateInvocationContextProvider {

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    return AnnotationSupport.isAnnotated(method, FaultMatrix.class)
        || AnnotationSupport.isAnnotated(method, FaultScenario.class);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    MatrixPlan matrix = MatrixAnalyzer.analyze(context, ServiceScanner.scan(testClass));
    long seed = Topologies.seed(context);
    MatrixAssertions.open(context, matrix);
    CellReporting.open(context, matrix, seed, MatrixAssertions.ledger(context), () -> Topologies.matrixTime(context));
    CellNames names = CellNames.of(matrix, context);
    Isolation isolation = Isolation.of(context);
    List<CellInvocation> invocations = CellOrder.of(context)
        .arrange(matrix, matrix.invocations(iteration -> Seeds.forIteration(seed, iteration)), seed);
    Stream<TestTemplateInvocationContext> cells = invocations.stream()
        .map(invocation -> new CellInvocationContext(matrix, invocation, names.format(invocation), isolation));
    return matrix.coverage().isEmpty() ? cells : Stream.concat(cells, Stream.of(new CoverageInvocationContext(matrix)));
  }
}
