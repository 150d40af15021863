package dev.chaosjunit.junit.internal.buggify;

import java.nio.charset.StandardCharsets;

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

  private static double unit(long bits) {
    return (bits >>> 11) * 0x1.0p-53;
  }

  private static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return h;
  }

  private static long mix(long value) {
    long z = value + 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
