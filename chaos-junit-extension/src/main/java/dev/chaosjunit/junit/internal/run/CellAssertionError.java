package dev.chaosjunit.junit.internal.run;

import dev.chaosjunit.junit.Verdict;

/** A cell that failed or whose fault was bypassed; the message carries the replay block. */
final class CellAssertionError extends AssertionError {

  private static final long serialVersionUID = 1L;

  private final Verdict verdict;

  /** A failure with its verdict and full message. */
  public CellAssertionError(Verdict verdict, String message, Throwable cause) {
    super(message, cause);
    this.verdict = verdict;
  }

  /** {@code FAILED} or {@code FAULT_BYPASSED}. */
  public Verdict verdict() {
    return verdict;
  }
}
