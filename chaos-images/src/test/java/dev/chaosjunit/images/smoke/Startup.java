package dev.chaosjunit.images.smoke;

import java.time.Duration;

/** Start-up limits for the smoke tests' containers. */
final class Startup {

  /**
   * Generous: alone on the CI machine every service starts in under 5 s, but builds sharing a
   * machine's two cores can slow a JVM-based broker's start-up tenfold.
   */
  static final Duration TIMEOUT = Duration.ofMinutes(3);

  private Startup() {}
}
