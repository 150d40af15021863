package dev.chaosjunit.junit.internal.plan;

import dev.chaosjunit.junit.FaultMatrix;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The cells an {@code @Expect}, {@code @ExcludeCell} or single-cell annotation selects: by scenario
 * (every one when empty) and by fault (every fault but the baseline when empty; the baseline only by
 * its name {@value FaultMatrix#NO_FAULT}).
 *
 * @param scenarios selected scenarios, empty = all
 * @param faults selected faults, empty = every fault but the baseline
 */
record CellSelector(Set<String> scenarios, Set<String> faults) {

  /** Every faulted cell. */
  static final CellSelector FAULTED = new CellSelector(Set.of(), Set.of());

  /** The cells of these names, as an annotation lists them. */
  static CellSelector of(String[] scenarios, String[] faults) {
    return new CellSelector(new LinkedHashSet<>(Arrays.asList(scenarios)), new LinkedHashSet<>(Arrays.asList(faults)));
  }

  boolean selects(String scenario, String fault) {
    boolean scenarioMatches = scenarios.isEmpty() || scenarios.contains(scenario);
    boolean faultMatches = faults.isEmpty() ? !fault.equals(FaultMatrix.NO_FAULT) : faults.contains(fault);
    return scenarioMatches && faultMatches;
  }
}
