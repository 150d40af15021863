package dev.chaosjunit.proxy.sql;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One statement of a text that may hold several, divided by top-level semicolons.
 *
 * @param start where the statement starts in the original text (just after the previous semicolon)
 * @param canonical its canonical form, see {@link SqlCanonicalizer}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SqlStatement(int start, String canonical) {

  /** The statement's first keyword, e.g. {@code INSERT}. */
  public String command() {
    return SqlCanonicalizer.command(canonical);
  }
}
