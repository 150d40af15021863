package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What a cell expects of its scenario's outcome. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Expectation {
  /** Returns normally (an HTTP response must have a status below 500), within the budget if one is given. */
  SUCCESS,
  /** Throws (or answers an HTTP status of 500 or more) within the budget if one is given. */
  ERROR,
  /** Does not return within the budget: the scenario is abandoned when it runs out. */
  HANG,
  /** A predicate method named by {@code check} decides. */
  CUSTOM
}
