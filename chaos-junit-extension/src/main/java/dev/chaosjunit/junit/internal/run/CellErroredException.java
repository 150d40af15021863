package dev.chaosjunit.junit.internal.run;

/** A cell that could not run as planned (fault not applied or not reverted, backend down). */
final class CellErroredException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An infrastructure error with the replay block. */
  public CellErroredException(String message, Throwable cause) {
    super(message, cause);
  }
}
