package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.ToxicType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.IdentityHashMap;

/**
 * The toxic state of one connection and stream: each toxic's draws ({@link ToxicDraws}), which toxics
 * fired here, and how many bytes {@code limit_data} let through.
 */
final class FlowFaults {

  private final Connection connection;
  private final Direction stream;
  private final Map<ActiveToxic, ToxicDraws> draws = new IdentityHashMap<>();
  private final Map<String, Long> bytesThrough = new HashMap<>();
  private final Set<String> firedHere = new HashSet<>();

  FlowFaults(Connection connection, Direction stream) {
    this.connection = connection;
    this.stream = stream;
  }

  /** Whether the toxic acts on this connection and stream: its toxicity, drawn when they first meet. */
  boolean applies(ActiveToxic toxic) {
    return draws(toxic).applies();
  }

  /** The toxic's draws on this connection and stream. */
  ToxicDraws draws(ActiveToxic toxic) {
    return draws.computeIfAbsent(toxic, t -> new ToxicDraws(connection, t));
  }

  /**
   * Counts a firing (a chunk); the first one on this connection and stream also counts the connection and is
   * an event, numbered by connection rather than by chunk: how TCP cuts a stream into chunks is the
   * threads', the order of sequential connections is not.
   */
  void fired(ActiveToxic toxic) {
    toxic.counter.fired();
    if (firedHere.add(toxic.name())) {
      connection.toxicFired(toxic, toxic.counter.connection());
    }
  }

  /** The first toxic of that type on this stream that applies here, or null. */
  ActiveToxic firstApplying(ToxicType type) {
    for (ActiveToxic t : connection.toxics().snapshot()) {
      if (t.spec.stream() == stream && t.type() == type && applies(t)) {
        return t;
      }
    }
    return null;
  }

  long bytesThrough(String toxic) {
    return bytesThrough.getOrDefault(toxic, 0L);
  }

  void bytesThrough(String toxic, long total) {
    bytesThrough.put(toxic, total);
  }
}
