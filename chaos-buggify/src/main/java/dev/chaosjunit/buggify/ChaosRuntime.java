package dev.chaosjunit.buggify;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * What {@link Buggify} and {@link Assert} talk to while a chaos test runs: the test framework installs one
 * with {@link #install} for a cell and removes it after; with none installed every call is a no-op. Only code
 * running in the test's JVM sees it (an application started in the test JVM, not one in a container).
 */
@API(status = INTERNAL, since = "0.1")
public interface ChaosRuntime {

  /** Whether the site fires at this call: an active site fires with {@code probability}. */
  boolean buggify(String site, double probability);

  /** Records one evaluation of an assertion; {@code condition} is {@code true} for reachable. */
  void assertion(AssertType type, boolean condition, String message, Map<String, ?> details);

  /** Turns buggify off until the returned handle is closed (assertions still count). */
  Buggify.Quiet quiet();

  /** Makes {@code runtime} the one every call sees, replacing any other. */
  static void install(ChaosRuntime runtime) {
    Installed.runtime = runtime;
  }

  /** Removes {@code runtime} if it is the installed one; calls are no-ops again. */
  static void uninstall(ChaosRuntime runtime) {
    if (Installed.runtime == runtime) {
      Installed.runtime = null;
    }
  }
}
