package dev.chaosjunit.proxy.http;

import dev.chaosjunit.fault.Action;

/**
 * A response the client is owed, in request order: the server's (for a forwarded request, with what
 * its framing depends on) or one the proxy injects for a request it kept from the server.
 *
 * @param method the request method (a response to HEAD has no body; CONNECT 2xx opens a tunnel)
 * @param action the injected response's action, null for the server's
 * @param rewrite the changes to the headers of the server's response, or null
 * @param close whether the connection ends after the injected response
 */
record Exchange(String method, Action action, Action.Rewrite rewrite, boolean close) {

  static Exchange server(String method, Action.Rewrite rewrite) {
    return new Exchange(method, null, rewrite, false);
  }

  static Exchange injected(String method, Action action, boolean close) {
    return new Exchange(method, action, null, close);
  }

  boolean injected() {
    return action != null;
  }
}
