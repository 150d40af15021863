package dev.chaosjunit.junit.internal.buggify;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.buggify.AssertType;
import dev.chaosjunit.buggify.Buggify;
import dev.chaosjunit.buggify.ChaosRuntime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * The {@link ChaosRuntime} of one cell (or one seed of a loop), installed while it runs. Buggify: a forced
 * site fires at every reach; otherwise, when random buggify is on, an active site ({@link Decisions#active})
 * fires with its probability, decided per reach by the seed, the cell, the site and the reach's ordinal in the
 * cell. Where several threads reach one site concurrently, which of them gets which ordinal is up to the
 * scheduler. Assertions go to the run's {@link Ledger}; a false safety assertion is kept as a violation.
 */
@API(status = INTERNAL, since = "0.1")
public final class BuggifySession implements ChaosRuntime, AutoCloseable {

  /** The most draws a cell keeps for its events. */
  public static final int MAX_DRAWS = 10_000;

  private final long seed;
  private final String cell;
  private final boolean random;
  private final Set<String> forced;
  private final Ledger ledger;
  private final Map<String, AtomicLong> ordinals = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> firings = new ConcurrentHashMap<>();
  private final List<String> violations = new ArrayList<>();
  private final AtomicInteger quiet = new AtomicInteger();
  private final List<Draw> draws = new ArrayList<>();

  /** One decision of an active or forced site: its n-th reach in the cell ({@code ordinal}), and whether it fired. */
  public record Draw(Instant at, String site, long ordinal, boolean fired, boolean forced) {}

  private BuggifySession(long seed, String cell, boolean random, Set<String> forced, Ledger ledger) {
    this.seed = seed;
    this.cell = cell;
    this.random = random;
    this.forced = Set.copyOf(forced);
    this.ledger = ledger;
  }

  /**
   * Installs the runtime of {@code cell} under {@code seed}: sites fire at random when {@code random}, the
   * {@code forced} ones at every reach; assertions are recorded in {@code ledger}.
   */
  public static BuggifySession open(long seed, String cell, boolean random, Set<String> forced, Ledger ledger) {
    BuggifySession session = new BuggifySession(seed, cell, random, forced, ledger);
    ChaosRuntime.install(session);
    return session;
  }

  @Override
  public boolean buggify(String site, double probability) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("Buggify.hit(\"" + site + "\", " + probability + "): the probability"
          + " must be between 0 and 1");
    }
    if (quiet.get() > 0 || !(forced.contains(site) || random && Decisions.active(seed, site))) {
      return false;
    }
    long ordinal = ordinals.computeIfAbsent(site, s -> new AtomicLong()).getAndIncrement();
    boolean isForced = forced.contains(site);
    boolean fires = isForced || Decisions.fires(seed, cell, site, ordinal, probability);
    if (fires) {
      firings.computeIfAbsent(site, s -> new AtomicLong()).incrementAndGet();
    }
    synchronized (draws) {
      if (draws.size() < MAX_DRAWS) {
        draws.add(new Draw(Instant.now(), site, ordinal, fires, isForced));
      }
    }
    return fires;
  }

  @Override
  public void assertion(AssertType type, boolean condition, String message, Map<String, ?> details) {
    ledger.record(type, condition, message, details);
    if (type.safety() && !condition) {
      synchronized (violations) {
        violations.add(type.method() + "(\"" + message + "\")" + (details == null || details.isEmpty() ? ""
            : " with details " + details));
      }
    }
  }

  @Override
  public Buggify.Quiet quiet() {
    quiet.incrementAndGet();
    AtomicBoolean open = new AtomicBoolean(true);
    return () -> {
      if (open.getAndSet(false)) {
        quiet.decrementAndGet();
      }
    };
  }

  /** How often {@code site} fired in this session. */
  public long firings(String site) {
    AtomicLong count = firings.get(site);
    return count == null ? 0 : count.get();
  }

  /** The draws of active and forced sites, in the order they happened (the first {@value #MAX_DRAWS}). */
  public List<Draw> draws() {
    synchronized (draws) {
      return List.copyOf(draws);
    }
  }

  /** The safety assertions that failed, in order, e.g. {@code always("health is 200") with details {...}}. */
  public List<String> violations() {
    synchronized (violations) {
      return List.copyOf(violations);
    }
  }

  /** Uninstalls the runtime: calls are no-ops again. */
  @Override
  public void close() {
    ChaosRuntime.uninstall(this);
  }
}
