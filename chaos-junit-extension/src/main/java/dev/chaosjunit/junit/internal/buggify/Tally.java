package dev.chaosjunit.junit.internal.buggify;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.buggify.AssertType;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * How one assertion fared: how often it was evaluated true and false, and the details of its first
 * evaluation with each.
 *
 * @param assertion the assertion (catalogued, or met at run time outside the catalogue's scope)
 * @param trueCount evaluations with a true condition (reaches, for reachable)
 * @param falseCount evaluations with a false condition (reaches, for unreachable)
 * @param firstTrue details of the first true evaluation, empty if none
 * @param firstFalse details of the first false evaluation, empty if none
 */
@API(status = INTERNAL, since = "0.1")
public record Tally(CataloguedAssertion assertion, long trueCount, long falseCount, Map<String, Object> firstTrue,
    Map<String, Object> firstFalse) {

  /** Whether the assertion was reached at all. */
  public boolean reached() {
    return trueCount + falseCount > 0;
  }

  /** The coverage problem of this assertion over the run, or {@code null}: what Antithesis reports as failing. */
  public String coverageProblem() {
    AssertType type = assertion.type();
    if (type == AssertType.SOMETIMES && trueCount == 0) {
      return reached() ? "never true (false " + falseCount + "×)" : "never reached";
    }
    if ((type == AssertType.REACHABLE || type == AssertType.ALWAYS) && !reached()) {
      return "never reached";
    }
    return null;
  }

  /** {@code true 3×, false 0×}. */
  public String counts() {
    return "true " + trueCount + "×, false " + falseCount + "×";
  }
}
