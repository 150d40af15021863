package dev.chaosjunit.junit.support;

import java.time.Duration;
import java.time.Instant;

/** Retries what a client does after a revert until it works, as a recovering application would. */
public final class Eventually {

  private Eventually() {}

  /** What is retried. */
  @FunctionalInterface
  public interface Attempt {
    void run() throws Exception;
  }

  /** Runs {@code attempt} every 100 ms until it completes, for at most {@code limit}; then throws its last failure. */
  public static void works(Duration limit, Attempt attempt) throws Exception {
    Instant deadline = Instant.now().plus(limit);
    while (true) {
      try {
        attempt.run();
        return;
      } catch (Exception notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw notYet;
        }
        Thread.sleep(100);
      }
    }
  }
}
