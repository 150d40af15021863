package dev.chaosjunit.junit.internal.run;

/** A readiness probe did not succeed within its timeout before a cell: the cell errors with this. */
final class ReadinessTimeoutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ReadinessTimeoutException(String message, Throwable lastFailure) {
    super(message, lastFailure);
  }
}
