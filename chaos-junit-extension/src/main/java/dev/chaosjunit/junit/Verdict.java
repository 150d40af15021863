package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/** How a cell ended. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Verdict {
  /** The outcome met the expectation (and the fault fired, when required). */
  PASSED,
  /** The outcome violated the expectation, or a check in the test body failed. */
  FAILED,
  /** The expectation held but the fault never fired: the scenario did not meet it. */
  FAULT_BYPASSED,
  /** Setup or infrastructure failed: the fault could not be applied or reverted, the scenario not run. */
  ERRORED,
  /** Excluded by {@code @ExcludeCell} or filtered out by {@code chaos.cell}. */
  SKIPPED;

  /** Lower case with spaces, e.g. {@code fault bypassed}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
