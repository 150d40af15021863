package dev.chaosjunit.junit;

import dev.chaosjunit.junit.internal.Isolation;
import dev.chaosjunit.junit.internal.plan.CellInvocation;
import dev.chaosjunit.junit.internal.plan.MatrixPlan;
import dev.chaosjunit.junit.internal.run.CellExtension;
import java.util.List;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/** One run of a cell: a display name plus the extension that runs it. */
final class CellInvocationContext implements TestTemplateInvocationContext {

  private final MatrixPlan matrix;
  private final CellInvocation invocation;
  private final String displayName;
  private final Isolation isolation;

  CellInvocationContext(MatrixPlan matrix, CellInvocation invocation, String displayName, Isolation isolation) {
    this.matrix = matrix;
    this.invocation = invocation;
    this.displayName = displayName;
    this.isolation = isolation;
  }

  @Override
  public String getDisplayName(int invocationIndex) {
    return displayName;
  }

  @Override
  public List<Extension> getAdditionalExtensions() {
    return List.of(new CellExtension(matrix, invocation, isolation));
  }
}
