package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.junit.internal.buggify.AntithesisJsonl;
import dev.chaosjunit.junit.internal.buggify.BuggifySession;
import dev.chaosjunit.junit.internal.buggify.CatalogueScanner;
import dev.chaosjunit.junit.internal.buggify.Ledger;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Buggify and assertion coverage for a loop of seeds written by hand, outside a {@link FaultMatrix}: each
 * {@link #seed} installs buggify (random, FoundationDB's semantics) and the assertions for the code run until
 * it is closed; the coverage is judged over every seed. A matrix does the same per cell by itself.
 *
 * <pre>{@code
 * AssertionCoverage coverage = AssertionCoverage.of(OrdersApp.class);
 * for (long seed : seeds) {
 *   try (AssertionCoverage.Seed run = coverage.seed(seed)) {
 *     exercise(app);
 *     assertThat(run.violations()).isEmpty();
 *   }
 * }
 * assertThat(coverage.problems()).isEmpty();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AssertionCoverage {

  private final Ledger ledger;

  private AssertionCoverage(Ledger ledger) {
    this.ledger = ledger;
  }

  /**
   * The coverage of the assertions in the package of {@code anchor} and its sub-packages, catalogued from
   * their compiled classes.
   *
   * @throws IllegalStateException naming the call when an assertion message or site name is not a constant
   */
  public static AssertionCoverage of(Class<?> anchor) {
    return new AssertionCoverage(new Ledger(CatalogueScanner.scan(anchor.getClassLoader(),
        List.of(anchor.getPackageName()))));
  }

  /** Installs buggify and the assertions under {@code seed} until the returned handle is closed. */
  public Seed seed(long seed) {
    return new Seed(BuggifySession.open(seed, "seed " + seed, true, Set.of(), ledger));
  }

  /** Every catalogued buggify site. */
  public Set<String> sites() {
    return ledger.catalogue().sites();
  }

  /**
   * The coverage verdict so far: every sometimes-assertion never true, reachable one never reached and
   * always-assertion never reached, each as {@code sometimes("...") at File.java:12: never true}; empty when covered.
   */
  public List<String> problems() {
    return ledger.coverageProblems();
  }

  /** Each assertion with its counts, e.g. {@code sometimes("a write failed") at Repo.java:40: true 3×, false 97×}. */
  public List<String> summary() {
    return ledger.tallies().stream().map(t -> t.assertion().describe() + ": " + t.counts()).toList();
  }

  /** Writes the assertions in the Antithesis SDK's local JSONL format to {@code file}. */
  public void writeJsonl(Path file) {
    AntithesisJsonl.write(ledger, file);
  }

  /** One seed's buggify and assertions, installed until {@link #close()}. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public static final class Seed implements AutoCloseable {

    private final BuggifySession session;

    private Seed(BuggifySession session) {
      this.session = session;
    }

    /** The always/unreachable assertions that failed under this seed, e.g. {@code always("health is 200")}. */
    public List<String> violations() {
      return session.violations();
    }

    /** How often {@code site} fired under this seed. */
    public long firings(String site) {
      return session.firings(site);
    }

    /** Uninstalls buggify and the assertions. */
    @Override
    public void close() {
      session.close();
    }
  }
}
