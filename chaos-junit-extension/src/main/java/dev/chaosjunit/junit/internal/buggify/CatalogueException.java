package dev.chaosjunit.junit.internal.buggify;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** A call the catalogue cannot take: what is wrong with it, and how to fix it. */
@API(status = INTERNAL, since = "0.1")
public final class CatalogueException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String problem;
  private final String fix;

  CatalogueException(String problem, String fix) {
    super(problem + "; " + fix);
    this.problem = problem;
    this.fix = fix;
  }

  /** What is wrong, naming the call and where it is. */
  public String problem() {
    return problem;
  }

  /** What to do about it. */
  public String fix() {
    return fix;
  }
}
