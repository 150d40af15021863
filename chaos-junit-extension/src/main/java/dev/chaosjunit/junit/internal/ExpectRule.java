package dev.chaosjunit.junit.internal;

import dev.chaosjunit.junit.Expectation;
import dev.chaosjunit.junit.FaultMatrix;
import java.util.Set;

/**
 * An expectation and the cells it selects, from {@code @Expect} or a single-cell annotation.
 *
 * @param scenarios selected scenarios, empty = all
 * @param faults selected faults, empty = every fault but the baseline
 * @param value the expectation
 * @param within its time budget text
 * @param check the custom predicate's method name
 * @param source how it was written, for messages
 */
record ExpectRule(Set<String> scenarios, Set<String> faults, Expectation value, String within, String check,
    String source) {

  boolean selects(String scenario, String fault) {
    boolean scenarioMatches = scenarios.isEmpty() || scenarios.contains(scenario);
    boolean faultMatches = faults.isEmpty() ? !fault.equals(FaultMatrix.NO_FAULT) : faults.contains(fault);
    return scenarioMatches && faultMatches;
  }

  boolean sameAs(ExpectRule other) {
    return value == other.value && within.equals(other.within) && check.equals(other.check);
  }
}
