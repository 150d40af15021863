package dev.chaosjunit.proxy.internal;

import static dev.chaosjunit.fault.SeedMath.hash;
import static dev.chaosjunit.fault.SeedMath.mix;

import dev.chaosjunit.fault.SeedMath;

/**
 * Derives random decisions from (seed, proxy, fault, purpose, ordinal) alone: the seed the fault was
 * added under, and an ordinal that starts when it was added (the n-th message a rule matched, the n-th
 * connection a toxic acted on). Nothing that ran before the fault was added enters a decision.
 */
final class Seeds {

  private Seeds() {}

  /** A number in [0, 1) fixed by its inputs. */
  static double unit(long seed, String proxy, String fault, String purpose, long ordinal) {
    return SeedMath.unit(derive(seed, proxy, fault, purpose, ordinal));
  }

  /** A 64-bit value fixed by its inputs, e.g. to seed a random source. */
  static long derive(long seed, String proxy, String fault, String purpose, long ordinal) {
    long h = mix(seed);
    h = mix(h ^ hash(proxy));
    h = mix(h ^ hash(fault));
    h = mix(h ^ hash(purpose));
    return mix(h ^ ordinal);
  }
}
