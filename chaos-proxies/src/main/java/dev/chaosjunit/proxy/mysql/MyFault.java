package dev.chaosjunit.proxy.mysql;

import dev.chaosjunit.proxy.rule.ActionSpec;

/**
 * An error to inject: what the ERR packet says.
 *
 * @param errorNumber the server error number, e.g. 1213
 * @param sqlState five characters, HY000 by default
 * @param message the message
 */
record MyFault(int errorNumber, String sqlState, String message) {

  static final String DEFAULT_MESSAGE = "injected by chaos-junit";

  static MyFault of(ActionSpec action) {
    return new MyFault(
        Integer.parseInt(action.param("code").orElse("1105")),
        action.param("sqlstate").orElse("HY000"),
        action.param("message").orElse(DEFAULT_MESSAGE));
  }
}
