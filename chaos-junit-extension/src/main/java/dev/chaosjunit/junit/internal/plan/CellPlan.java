package dev.chaosjunit.junit.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.junit.FaultMatrix;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One cell as planned: its position, scenario, fault (empty = baseline), expectation, and why it is
 * excluded, if it is.
 *
 * @param index 1-based position
 * @param scenario the scenario
 * @param fault the fault, empty for the baseline
 * @param expectation what it expects
 * @param exclusion the {@code @ExcludeCell} reason, if excluded
 */
@API(status = INTERNAL, since = "0.1")
public record CellPlan(int index, ScenarioDef scenario, Optional<FaultDef> fault, CellExpectation expectation,
    Optional<String> exclusion) {

  /** The fault's name, {@link FaultMatrix#NO_FAULT} for the baseline. */
  public String faultName() {
    return fault.map(FaultDef::name).orElse(FaultMatrix.NO_FAULT);
  }

  /** {@code scenario × fault}. */
  public String name() {
    return scenario.name() + " × " + faultName();
  }
}
