package dev.chaosjunit.proxy.testkit;

import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of a {@link RecordingPort}, matched as the engine's rule book does: in the order added, by
 * direction, by the inspector's {@link ProtocolInspector#glob globs} on its {@link ProtocolInspector#factKey
 * fact keys}, skipping the first {@code after} matches and firing at most {@code times}. Seeded probability
 * is the engine's alone: a rule here has probability 1.
 */
final class RuleTable {

  private final ProtocolInspector inspector;
  private final List<Entry> entries = new ArrayList<>();

  RuleTable(ProtocolInspector inspector) {
    this.inspector = inspector;
  }

  /** Adds a rule the inspector accepts. */
  void add(Rule rule) {
    inspector.validate(rule);
    if (rule.probability() < 1) {
      throw new IllegalArgumentException("rule [" + rule.name() + "]: the recording port fires without a seed;"
          + " use probability 1 (the engine's tests cover probability)");
    }
    entries.add(new Entry(rule));
  }

  /** Whether a rule applies to messages going in {@code direction}, as the engine's rule book says. */
  boolean hasRules(Direction direction) {
    return entries.stream().anyMatch(e -> e.rule.direction() == direction);
  }

  int size() {
    return entries.size();
  }

  /** The first rule that fires for this message, counting the message for every rule it matches on the way. */
  Optional<RuleMatch> match(Direction direction, MessageFacts facts) {
    for (Entry entry : entries) {
      if (entry.rule.direction() == direction && matches(entry.rule, facts) && entry.fires()) {
        return Optional.of(new RuleMatch(entry.rule, entry.fired));
      }
    }
    return Optional.empty();
  }

  private boolean matches(Rule rule, MessageFacts facts) {
    for (Map.Entry<String, String> e : rule.match().entrySet()) {
      List<String> values = facts.get(inspector.factKey(e.getKey()));
      if (values.stream().noneMatch(inspector.glob(e.getKey(), e.getValue())::matches)) {
        return false;
      }
    }
    return true;
  }

  /** A rule and how often it matched and fired. */
  private static final class Entry {
    private final Rule rule;
    private long seen;
    private long fired;

    Entry(Rule rule) {
      this.rule = rule;
    }

    boolean fires() {
      seen++;
      if (seen <= rule.after() || (rule.times() > 0 && fired >= rule.times())) {
        return false;
      }
      fired++;
      return true;
    }
  }
}
