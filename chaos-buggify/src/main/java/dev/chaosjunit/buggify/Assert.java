package dev.chaosjunit.buggify;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * Properties of the application checked while chaos runs, named after and with the semantics of the Antithesis
 * SDK's {@code Assert}. Outside a chaos test every call is a no-op.
 *
 * <ul>
 *   <li>{@link #always} and {@link #alwaysOrUnreachable}: a false condition fails the current cell at once,
 *       naming the assertion; {@link #unreachable}: reaching it does.</li>
 *   <li>{@link #sometimes} and {@link #reachable}: coverage goals, judged over the run: a sometimes-assertion
 *       never true (or a reachable one never reached) fails the run's coverage verdict.</li>
 * </ul>
 *
 * <p>The message names the assertion and must be a string constant: the test framework catalogues every
 * assertion from the compiled classes before the run, so one that is never reached is reported, not absent.
 * Details are free-form values kept with the evaluation.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Assert {

  private Assert() {}

  /** {@code condition} is true every time, and this line is reached at least once. */
  public static void always(boolean condition, String message) {
    always(condition, message, Map.of());
  }

  /** {@code condition} is true every time, and this line is reached at least once. */
  public static void always(boolean condition, String message, Map<String, ?> details) {
    record(AssertType.ALWAYS, condition, message, details);
  }

  /** {@code condition} is true every time this line is reached, which may be never. */
  public static void alwaysOrUnreachable(boolean condition, String message) {
    alwaysOrUnreachable(condition, message, Map.of());
  }

  /** {@code condition} is true every time this line is reached, which may be never. */
  public static void alwaysOrUnreachable(boolean condition, String message, Map<String, ?> details) {
    record(AssertType.ALWAYS_OR_UNREACHABLE, condition, message, details);
  }

  /** {@code condition} is true at least once over the run. */
  public static void sometimes(boolean condition, String message) {
    sometimes(condition, message, Map.of());
  }

  /** {@code condition} is true at least once over the run. */
  public static void sometimes(boolean condition, String message, Map<String, ?> details) {
    record(AssertType.SOMETIMES, condition, message, details);
  }

  /** This line is reached at least once over the run. */
  public static void reachable(String message) {
    reachable(message, Map.of());
  }

  /** This line is reached at least once over the run. */
  public static void reachable(String message, Map<String, ?> details) {
    record(AssertType.REACHABLE, true, message, details);
  }

  /** This line is never reached. */
  public static void unreachable(String message) {
    unreachable(message, Map.of());
  }

  /** This line is never reached. */
  public static void unreachable(String message, Map<String, ?> details) {
    record(AssertType.UNREACHABLE, false, message, details);
  }

  private static void record(AssertType type, boolean condition, String message, Map<String, ?> details) {
    ChaosRuntime runtime = Installed.runtime;
    if (runtime != null) {
      runtime.assertion(type, condition, message, details);
    }
  }
}
