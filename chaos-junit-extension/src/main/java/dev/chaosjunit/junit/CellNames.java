package dev.chaosjunit.junit;

import dev.chaosjunit.junit.internal.ChaosConfig;
import dev.chaosjunit.junit.internal.plan.CellInvocation;
import dev.chaosjunit.junit.internal.plan.CellPlan;
import dev.chaosjunit.junit.internal.plan.MatrixPlan;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Formats cell display names from a pattern with {@code {scenario}}, {@code {fault}}, {@code {index}}, {@code {expect}}. */
final class CellNames {

  private final String pattern;

  private CellNames(String pattern) {
    this.pattern = pattern;
  }

  static CellNames of(MatrixPlan matrix, ExtensionContext context) {
    String pattern = !matrix.namePattern().isBlank() ? matrix.namePattern()
        : context.getConfigurationParameter(ChaosConfig.NAME_PATTERN).filter(p -> !p.isBlank()).orElse(FaultMatrix.DEFAULT_NAME);
    if (!pattern.contains("{scenario}") && !pattern.contains("{index}")) {
      throw new ExtensionConfigurationException("@FaultMatrix on [" + matrix.testClass().getSimpleName() + "."
          + matrix.methodName() + "()]: name pattern [" + pattern + "] would give every cell of a row the same "
          + "name; include {scenario} and {fault}, or {index}");
    }
    return new CellNames(pattern);
  }

  /** The cell's name by the pattern, followed by {@code [seed N]} when each cell runs more than once. */
  String format(CellInvocation invocation) {
    String name = format(invocation.cell());
    return invocation.iterations() > 1 ? name + " [seed " + invocation.seed() + "]" : name;
  }

  private String format(CellPlan cell) {
    return pattern.replace("{scenario}", cell.scenario().name())
        .replace("{fault}", cell.faultName())
        .replace("{index}", Integer.toString(cell.index()))
        .replace("{expect}", cell.expectation().describe());
  }
}
