package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.rule.Glob;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rule with its globs compiled by the proxy's inspector. */
final class ActiveRule {

  final RuleSpec spec;
  final Counter counter;
  private final Map<String, Glob> globs = new LinkedHashMap<>();

  ActiveRule(RuleSpec spec, ProtocolInspector inspector, Counter counter) {
    this.spec = spec;
    this.counter = counter;
    spec.match().forEach((key, pattern) -> globs.put(inspector.factKey(key), inspector.glob(key, pattern)));
  }

  /** Whether every key's glob matches one of the message's values for it. */
  boolean matches(MessageFacts facts) {
    for (Map.Entry<String, Glob> e : globs.entrySet()) {
      if (facts.get(e.getKey()).stream().noneMatch(e.getValue()::matches)) {
        return false;
      }
    }
    return true;
  }
}
