package dev.chaosjunit.junit.internal.buggify;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.buggify.AssertType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The evaluations of every assertion over a run (a matrix, or a loop of seeds), starting from the catalogue
 * so that one never reached still has its line. Thread-safe: application threads record into it.
 */
@API(status = INTERNAL, since = "0.1")
public final class Ledger {

  private final Catalogue catalogue;
  private final Map<String, Tally> tallies = new LinkedHashMap<>();

  /** A ledger with every assertion of {@code catalogue} at zero. */
  public Ledger(Catalogue catalogue) {
    this.catalogue = catalogue;
    catalogue.assertions().forEach(a -> tallies.put(a.message(), new Tally(a, 0, 0, Map.of(), Map.of())));
  }

  /** The catalogue the ledger started from. */
  public Catalogue catalogue() {
    return catalogue;
  }

  /** Records one evaluation. */
  public synchronized void record(AssertType type, boolean condition, String message, Map<String, ?> details) {
    Tally was = tallies.computeIfAbsent(message, m -> new Tally(new CataloguedAssertion(type, m, "", "", "", 0),
        0, 0, Map.of(), Map.of()));
    Map<String, Object> copy = details == null ? Map.of() : new LinkedHashMap<>(details);
    tallies.put(message, condition
        ? new Tally(was.assertion(), was.trueCount() + 1, was.falseCount(), was.trueCount() == 0 ? copy
            : was.firstTrue(), was.firstFalse())
        : new Tally(was.assertion(), was.trueCount(), was.falseCount() + 1, was.firstTrue(),
            was.falseCount() == 0 ? copy : was.firstFalse()));
  }

  /** Every assertion's tally, catalogue order first. */
  public synchronized List<Tally> tallies() {
    return new ArrayList<>(tallies.values());
  }

  /** The assertions that fail coverage, each as {@code description: problem}. */
  public List<String> coverageProblems() {
    return tallies().stream().filter(t -> t.coverageProblem() != null)
        .map(t -> t.assertion().describe() + ": " + t.coverageProblem()).toList();
  }
}
