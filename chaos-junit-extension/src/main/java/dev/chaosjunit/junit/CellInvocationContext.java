package dev.chaosjunit.junit;

import dev.chaosjunit.junit.internal.plan.CellPlan;
import dev.chaosjunit.junit.internal.plan.MatrixPlan;
import dev.chaosjunit.junit.internal.run.CellExtension;
import java.util.List;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/** One cell: a display name plus the extension that runs it. */
final class CellInvocationContext implements TestTemplateInvocationContext {

  private final MatrixPlan matrix;
  private final CellPlan cell;
  private final String displayName;

  CellInvocationContext(MatrixPlan matrix, CellPlan cell, String displayName) {
    this.matrix = matrix;
    this.cell = cell;
    this.displayName = displayName;
  }

  @Override
  public String getDisplayName(int invocationIndex) {
    return displayName;
  }

  @Override
  public List<Extension> getAdditionalExtensions() {
    return List.of(new CellExtension(matrix, cell));
  }
}
