package dev.chaosjunit.junit;

import dev.chaosjunit.junit.internal.plan.MatrixPlan;
import dev.chaosjunit.junit.internal.run.CoverageVerdict;
import java.util.List;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/** The matrix's last invocation when it judges coverage: {@link CoverageVerdict}. */
final class CoverageInvocationContext implements TestTemplateInvocationContext {

  private final MatrixPlan matrix;

  CoverageInvocationContext(MatrixPlan matrix) {
    this.matrix = matrix;
  }

  @Override
  public String getDisplayName(int invocationIndex) {
    return CoverageVerdict.NAME;
  }

  @Override
  public List<Extension> getAdditionalExtensions() {
    return List.of(new CoverageVerdict(matrix));
  }
}
