package dev.chaosjunit.junit;

import dev.chaosjunit.junit.internal.CellReporting;
import dev.chaosjunit.junit.internal.MatrixAnalyzer;
import dev.chaosjunit.junit.internal.MatrixPlan;
import dev.chaosjunit.junit.internal.ServiceScanner;
import java.lang.reflect.Method;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** Expands a {@link FaultMatrix} or {@link FaultScenario} method into its cells, one invocation each. */
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
    CellReporting.open(context, matrix);
    CellNames names = CellNames.of(matrix, context);
    return matrix.cells().stream().map(cell -> new CellInvocationContext(matrix, cell, names.format(cell)));
  }
}
