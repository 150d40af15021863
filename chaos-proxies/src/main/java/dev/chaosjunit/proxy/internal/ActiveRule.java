package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.rule.Glob;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.fault.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A rule with its globs compiled by the proxy's inspector, the seed it was added under, and the number of
 * messages it matched since, which orders its decisions.
 */
final class ActiveRule {

  final Rule spec;
  final Counter counter;
  final long seed;
  private final AtomicLong matched = new AtomicLong();
  private final Map<String, Glob> globs = new LinkedHashMap<>();

  ActiveRule(Rule spec, ProtocolInspector inspector, Counter counter, long seed) {
    this.spec = spec;
    this.counter = counter;
    this.seed = seed;
    spec.match().forEach((key, pattern) -> globs.put(inspector.factKey(key), inspector.glob(key, pattern)));
  }

  /** Whether every key's glob matches one of the message's values for it. */
  boolean matches(MessageFacts facts) {
    for (Map.Entry<String, Glob> e : globs.entrySet()) {
      if (!anyMatches(e.getValue(), facts.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code glob} matches one of {@code values} (a loop: this runs for every decoded message). */
  private static boolean anyMatches(Glob glob, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      if (glob.matches(values.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** Counts a matched message; returns its ordinal, 1 for the first since the rule was added. */
  long matched() {
    counter.seen();
    return matched.incrementAndGet();
  }
}
