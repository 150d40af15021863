package dev.chaosjunit.junit.internal.buggify;

import static dev.chaosjunit.fault.SeedMath.hash;
import static dev.chaosjunit.fault.SeedMath.unit;

import dev.chaosjunit.fault.SeedMath;

/**
 * Buggify's seeded decisions: pure functions of the run seed, the cell, the site and the site's ordinal in
 * the cell, so a seed replays them whatever ran before (SplitMix64 over FNV-1a hashes of the names).
 */
final class Decisions {

  /** FoundationDB's default: a quarter of the sites are active in a run. */
  static final double ACTIVATION = 0.25;

  private Decisions() {}

  /** Whether {@code site} is active under {@code seed}: decided once per seed, for every cell alike. */
  static boolean active(long seed, String site) {
    return unit(mix(seed ^ mix(hash("activate") ^ mix(hash(site))))) < ACTIVATION;
  }

  /** Whether the {@code ordinal}-th reach (from 0) of {@code site} in {@code cell} fires. */
  static boolean fires(long seed, String cell, String site, long ordinal, double probability) {
    long h = mix(seed ^ mix(hash(cell) ^ mix(hash(site) ^ mix(ordinal))));
    return unit(h) < probability;
  }

  /** A full SplitMix64 step: the golden gamma added, then the finaliser. */
  private static long mix(long value) {
    return SeedMath.mix(value + 0x9e3779b97f4a7c15L);
  }
}
