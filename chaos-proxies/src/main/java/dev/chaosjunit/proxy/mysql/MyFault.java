package dev.chaosjunit.proxy.mysql;

import dev.chaosjunit.proxy.rule.ActionSpec;

/**
 * An error to inject: what the ERR packet says.
 *
 * @param errorNumber the server error number, e.g. 1213
 * @param sqlState five characters, HY000 by default
 * @param message the message
 * @param rollback whether the transaction is rolled back too, as a real deadlock (1213) does
 */
record MyFault(int errorNumber, String sqlState, String message, boolean rollback) {

  static final String DEFAULT_MESSAGE = "injected by chaos-junit";
  /** The error a server answers by rolling the whole transaction back. */
  static final int DEADLOCK = 1213;

  static MyFault of(ActionSpec action) {
    int errorNumber = Integer.parseInt(action.param("code").orElse("1105"));
    return new MyFault(errorNumber,
        action.param("sqlstate").orElse("HY000"),
        action.param("message").orElse(DEFAULT_MESSAGE),
        action.param("rollback").map(Boolean::parseBoolean).orElse(errorNumber == DEADLOCK));
  }
}
