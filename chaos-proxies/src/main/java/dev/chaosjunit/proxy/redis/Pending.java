package dev.chaosjunit.proxy.redis;

import dev.chaosjunit.fault.Action;

/**
 * One reply the client is owed, in request order: the server's reply to a forwarded command, the
 * confirmations of a (un)subscribe command, a reply the proxy injects in place of a command it kept
 * from the server, or a server reply the proxy swallows and replaces with an error (the
 * {@code DISCARD} it sends instead of an aborted {@code EXEC}).
 */
final class Pending {

  enum Kind { SERVER, CONFIRMATIONS, INJECTED, REPLACED }

  private final Kind kind;
  private final Action action;
  private final String errorLine;
  private final int helloVersion;
  private int confirmations;

  private Pending(Kind kind, Action action, String errorLine, int number) {
    this.kind = kind;
    this.action = action;
    this.errorLine = errorLine;
    this.helloVersion = kind == Kind.SERVER ? number : 0;
    this.confirmations = kind == Kind.CONFIRMATIONS ? number : 0;
  }

  static Pending server() {
    return new Pending(Kind.SERVER, null, null, 0);
  }

  /** HELLO (or RESET, which returns to RESP2): a successful reply switches the protocol version. */
  static Pending hello(int version) {
    return new Pending(Kind.SERVER, null, null, version);
  }

  /** A (un)subscribe command: one confirmation per channel named, one if it names none. */
  static Pending confirmations(int channels) {
    return new Pending(Kind.CONFIRMATIONS, null, null, Math.max(1, channels));
  }

  static Pending injected(Action action) {
    return new Pending(Kind.INJECTED, action, null, 0);
  }

  static Pending replaced(String errorLine) {
    return new Pending(Kind.REPLACED, null, errorLine, 0);
  }

  Kind kind() {
    return kind;
  }

  Action action() {
    return action;
  }

  String errorLine() {
    return errorLine;
  }

  int helloVersion() {
    return helloVersion;
  }

  /** Counts one confirmation; true when all have arrived. */
  boolean confirm() {
    return --confirmations <= 0;
  }
}
