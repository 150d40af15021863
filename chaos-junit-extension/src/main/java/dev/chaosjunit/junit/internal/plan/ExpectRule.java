package dev.chaosjunit.junit.internal.plan;

import dev.chaosjunit.junit.Expectation;

/**
 * An expectation and the cells it selects, from {@code @Expect} or a single-cell annotation.
 *
 * @param cells the cells it selects
 * @param value the expectation
 * @param within its time budget text
 * @param check the custom predicate's method name
 * @param untouched whether its cells' fault is declared off their scenario's path
 * @param source how it was written, for messages
 */
record ExpectRule(CellSelector cells, Expectation value, String within, String check, boolean untouched,
    String source) {

  boolean sameAs(ExpectRule other) {
    return value == other.value && within.equals(other.within) && check.equals(other.check)
        && untouched == other.untouched;
  }
}
