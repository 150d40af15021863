package dev.chaosjunit.proxy.postgres;

import dev.chaosjunit.proxy.sql.InjectedFaults;

/**
 * The faults injected on one connection: a poison the server never reached (an earlier error in the
 * same pipeline made it skip to Sync) is forgotten once every Sync or Query sent so far has its
 * ReadyForQuery.
 */
final class PgPoisons {

  private final InjectedFaults<PgFault> pending = new InjectedFaults<>();
  private int syncsInFlight;

  /** Registers a fault; returns the invalid statement to send in its place. */
  String add(PgFault fault) {
    return pending.add(fault);
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  /** The fault whose token the server's error message quotes, removed; {@code null} if none. */
  PgFault claim(String serverMessage) {
    return pending.claim(serverMessage);
  }

  /** The client sent a message that the server answers with ReadyForQuery (Sync, Query, FunctionCall). */
  void syncSent() {
    syncsInFlight++;
  }

  void readyForQuery() {
    syncsInFlight = Math.max(0, syncsInFlight - 1);
    if (syncsInFlight == 0) {
      pending.clear();
    }
  }
}
