package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.ToxicType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The toxic state of one connection and stream: the seeded toxicity draws and random source, which
 * toxics fired here, and how many bytes {@code limit_data} let through.
 */
final class FlowFaults {

  private final Connection connection;
  private final Direction stream;
  private final SplittableRandom random;
  private final Map<String, Long> bytesThrough = new HashMap<>();
  private final Set<String> firedHere = new HashSet<>();

  FlowFaults(Connection connection, Direction stream) {
    this.connection = connection;
    this.stream = stream;
    this.random = new SplittableRandom(connection.derive("flow", stream.ordinal()));
  }

  /** Whether the toxic acts on this connection and stream: its toxicity, drawn once from the seed. */
  boolean applies(ActiveToxic toxic) {
    double toxicity = toxic.spec.toxicity();
    return toxicity >= 1 || connection.unit(toxic.name(), stream.ordinal()) < toxicity;
  }

  /** Counts a firing; the first one on this connection and stream also counts the connection and is an event. */
  void fired(ActiveToxic toxic) {
    long firing = toxic.counter.fired();
    if (firedHere.add(toxic.name())) {
      toxic.counter.connection();
      connection.toxicFired(toxic, firing);
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

  SplittableRandom random() {
    return random;
  }

  long bytesThrough(String toxic) {
    return bytesThrough.getOrDefault(toxic, 0L);
  }

  void bytesThrough(String toxic, long total) {
    bytesThrough.put(toxic, total);
  }
}
