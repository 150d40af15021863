package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The arithmetic every seeded decision of chaos-junit is made of (the proxies' rule and toxic draws, the
 * cells' seeds, buggify's decisions): SplitMix64's finaliser over FNV-1a hashes of names, so a decision is
 * a pure function of the seed and the names and ordinals that identify it.
 */
@API(status = INTERNAL, since = "0.1")
public final class SeedMath {

  private SeedMath() {}

  /** SplitMix64's finaliser: every input bit affects every output bit. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** FNV-1a (64 bits) over the text's UTF-16 code units. */
  public static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h = (h ^ text.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  /** A number in [0, 1) from the top 53 bits. */
  public static double unit(long bits) {
    return (bits >>> 11) * 0x1.0p-53;
  }
}
