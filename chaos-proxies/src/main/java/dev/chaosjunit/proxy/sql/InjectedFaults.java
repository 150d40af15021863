package dev.chaosjunit.proxy.sql;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Faults waiting for the server's answer to the invalid statement sent in place of a matched one.
 * Each gets a unique token, sent as the statement text; the server's syntax error quotes it back,
 * which tells which error packet to replace by which fault. The server thereby places the error in its
 * response stream exactly where the real statement's error would be, and never executes the statement.
 *
 * @param <F> the protocol's fault description
 */
@API(status = INTERNAL, since = "0.1")
public final class InjectedFaults<F> {

  private final Map<String, F> pending = new LinkedHashMap<>();
  private long counter;

  /** Registers a fault; returns the token to send to the server as the statement text. */
  public String add(F fault) {
    String token = "chaos_junit_fault_" + ++counter + "_injected";
    pending.put(token, fault);
    return token;
  }

  /** Whether no fault is waiting. */
  public boolean isEmpty() {
    return pending.isEmpty();
  }

  /** The fault whose token the server's error message quotes, removed; {@code null} if none. */
  public F claim(String serverMessage) {
    if (serverMessage == null) {
      return null;
    }
    for (Iterator<Map.Entry<String, F>> it = pending.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, F> entry = it.next();
      if (serverMessage.contains(entry.getKey())) {
        it.remove();
        return entry.getValue();
      }
    }
    return null;
  }

  /** Forgets every waiting fault (the server skipped their statements). */
  public void clear() {
    pending.clear();
  }
}
