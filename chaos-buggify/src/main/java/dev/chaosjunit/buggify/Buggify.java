package dev.chaosjunit.buggify;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Fault injection inside application code, with FoundationDB's {@code BUGGIFY} semantics. Each call names a
 * site; outside a chaos test every call returns {@code false} (or the normal value) at the cost of one
 * volatile read. Inside one, each site is activated or not once per seed (25 %), and an active site fires
 * with its probability (25 % unless given) each time it is reached; every decision is seeded, so a seed
 * replays it. A matrix can force a site on for a cell with {@code Fault.buggify("site")}.
 *
 * <pre>{@code
 * if (Buggify.hit("orders.insert")) {
 *   throw new SQLException("buggified insert", "08006");
 * }
 * }</pre>
 *
 * <p>Site names must be string constants: the test framework finds them in the compiled classes before the
 * run, so a fault naming an unknown site fails at discovery.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Buggify {

  /** The probability with which an active site fires when none is given. */
  public static final double DEFAULT_PROBABILITY = 0.25;

  private static final Quiet NOTHING_TO_END = () -> { };

  private Buggify() {}

  /** Whether {@code site} fires now: never outside a chaos test; an active site fires 25 % of the time. */
  public static boolean hit(String site) {
    ChaosRuntime runtime = Installed.runtime;
    return runtime != null && runtime.buggify(site, DEFAULT_PROBABILITY);
  }

  /** Whether {@code site} fires now: never outside a chaos test; an active site fires with {@code probability}. */
  public static boolean hit(String site, double probability) {
    ChaosRuntime runtime = Installed.runtime;
    return runtime != null && runtime.buggify(site, probability);
  }

  /** {@code buggified} when {@code site} fires now, else {@code normal}: e.g. a tiny timeout or batch size. */
  public static <T> T pick(String site, T normal, T buggified) {
    ChaosRuntime runtime = Installed.runtime;
    return runtime != null && runtime.buggify(site, DEFAULT_PROBABILITY) ? buggified : normal;
  }

  /**
   * A quiet phase: no site fires until the handle is closed, e.g. to check that the system recovers once the
   * chaos stops. Assertions still count.
   *
   * <pre>{@code
   * try (Buggify.Quiet quiet = Buggify.quiet()) {
   *   assertThat(client.get("/orders/1").statusCode()).isEqualTo(200);
   * }
   * }</pre>
   */
  public static Quiet quiet() {
    ChaosRuntime runtime = Installed.runtime;
    return runtime == null ? NOTHING_TO_END : runtime.quiet();
  }

  /** The end of a {@linkplain #quiet() quiet phase}. */
  @API(status = EXPERIMENTAL, since = "0.1")
  @FunctionalInterface
  public interface Quiet extends AutoCloseable {

    /** Ends the quiet phase. */
    @Override
    void close();
  }
}
