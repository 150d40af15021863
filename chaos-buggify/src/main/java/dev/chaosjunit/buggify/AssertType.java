package dev.chaosjunit.buggify;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The kinds of {@link Assert} assertion, with the Antithesis SDK's semantics and the names its JSONL output
 * uses ({@code assert_type}, {@code display_type}, {@code must_hit}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum AssertType {
  /** The condition is true every time it is evaluated, and it is evaluated at least once. */
  ALWAYS("always", "Always", true),
  /** The condition is true every time it is evaluated; never evaluating it is fine. */
  ALWAYS_OR_UNREACHABLE("always", "AlwaysOrUnreachable", false),
  /** The condition is true at least once over the run: a coverage goal. */
  SOMETIMES("sometimes", "Sometimes", true),
  /** The line is reached at least once over the run: a coverage goal. */
  REACHABLE("reachability", "Reachable", true),
  /** The line is never reached. */
  UNREACHABLE("reachability", "Unreachable", false);

  private final String assertType;
  private final String displayType;
  private final boolean mustHit;

  AssertType(String assertType, String displayType, boolean mustHit) {
    this.assertType = assertType;
    this.displayType = displayType;
    this.mustHit = mustHit;
  }

  /** Antithesis' {@code assert_type}: {@code always}, {@code sometimes} or {@code reachability}. */
  public String assertType() {
    return assertType;
  }

  /** Antithesis' {@code display_type}, e.g. {@code AlwaysOrUnreachable}. */
  public String displayType() {
    return displayType;
  }

  /** Whether the run must reach the assertion (Antithesis' {@code must_hit}). */
  public boolean mustHit() {
    return mustHit;
  }

  /** Whether one false evaluation fails the cell at once (always, always-or-unreachable, unreachable). */
  public boolean safety() {
    return this == ALWAYS || this == ALWAYS_OR_UNREACHABLE || this == UNREACHABLE;
  }

  /** The method of {@link Assert} that makes this kind, e.g. {@code alwaysOrUnreachable}. */
  public String method() {
    return Character.toLowerCase(displayType.charAt(0)) + displayType.substring(1);
  }
}
