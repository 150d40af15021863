package dev.chaosjunit.junit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/** How cells are kept apart, chosen by {@code -Dchaos.isolation}. */
@API(status = INTERNAL, since = "0.1")
public enum Isolation {
  /** Every proxy is reset to its baseline before each cell (the default). */
  RESET,
  /**
   * Also, after each cell, a sentinel checks that reverting its fault left the proxies and containers at their
   * baseline, then runs the cell's scenario without a fault, which must pass without a fault event.
   */
  CHECK;

  /** The configured isolation; an unknown name fails the matrix at discovery. */
  public static Isolation of(ExtensionContext context) {
    return ChaosConfig.choice(context, ChaosConfig.ISOLATION, Isolation.class, RESET, "isolation", "use reset (the"
        + " default: every proxy is reset before each cell) or check (also, after each cell, a sentinel proves the"
        + " proxies and containers are back at their baseline)");
  }
}
