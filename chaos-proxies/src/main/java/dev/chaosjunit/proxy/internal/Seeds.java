package dev.chaosjunit.proxy.internal;

/**
 * Derives random decisions from (seed, proxy, fault, purpose, ordinal) alone: the seed the fault was
 * added under, and an ordinal that starts when it was added (the n-th message a rule matched, the n-th
 * connection a toxic acted on). Nothing that ran before the fault was added enters a decision.
 */
final class Seeds {

  private Seeds() {}

  /** A number in [0, 1) fixed by its inputs. */
  static double unit(long seed, String proxy, String fault, String purpose, long ordinal) {
    return (derive(seed, proxy, fault, purpose, ordinal) >>> 11) * 0x1.0p-53;
  }

  /** A 64-bit value fixed by its inputs, e.g. to seed a random source. */
  static long derive(long seed, String proxy, String fault, String purpose, long ordinal) {
    long h = mix(seed);
    h = mix(h ^ hash(proxy));
    h = mix(h ^ hash(fault));
    h = mix(h ^ hash(purpose));
    return mix(h ^ ordinal);
  }

  private static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h = (h ^ text.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
