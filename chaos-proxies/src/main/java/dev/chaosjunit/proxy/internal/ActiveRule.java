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
  /** The fact keys and, at the same index, their globs (arrays: {@link #matches} runs for every decoded message). */
  private final String[] keys;
  private final Glob[] globs;

  ActiveRule(Rule spec, ProtocolInspector inspector, Counter counter, long seed) {
    this.spec = spec;
    this.counter = counter;
    this.seed = seed;
    Map<String, Glob> byKey = new LinkedHashMap<>();
    spec.match().forEach((key, pattern) -> byKey.put(inspector.factKey(key), inspector.glob(key, pattern)));
    this.keys = byKey.keySet().toArray(String[]::new);
    this.globs = byKey.values().toArray(Glob[]::new);
  }

  /** Whether every key's glob matches one of the message's values for it. */
  boolean matches(MessageFacts facts) {
    for (int i = 0; i < keys.length; i++) {
      if (!anyMatches(globs[i], facts.get(keys[i]))) {
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
