package dev.chaosjunit.proxy.mysql;

import dev.chaosjunit.fault.Action;

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

  /** The protocol extras of {@link Action.Error}. */
  static final String SQLSTATE = "sqlstate";
  static final String ROLLBACK = "rollback";

  static MyFault of(Action.Error error) {
    int errorNumber = error.code().isEmpty() ? 1105 : Integer.parseInt(error.code());
    return new MyFault(errorNumber,
        error.param(SQLSTATE).orElse("HY000"),
        error.message().isEmpty() ? DEFAULT_MESSAGE : error.message(),
        error.param(ROLLBACK).map(Boolean::parseBoolean).orElse(errorNumber == DEADLOCK));
  }
}
