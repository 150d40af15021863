package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.proxy.FaultCounters;
import dev.chaosjunit.proxy.NameConflictException;
import dev.chaosjunit.proxy.ProxyEvent;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import dev.chaosjunit.fault.Rule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** A proxy's protocol rules, evaluated in insertion order; the first one that fires wins. */
final class RuleBook {

  private final String proxy;
  private final LongSupplier seed;
  private final ProtocolInspector inspector;
  private final Consumer<ProxyEvent> events;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private volatile List<ActiveRule> rules = List.of();
  /** Whether {@link #rules} has a rule of each direction, kept with it: asked for every decoded message. */
  private volatile boolean upstream;
  private volatile boolean downstream;

  RuleBook(String proxy, LongSupplier seed, ProtocolInspector inspector, Consumer<ProxyEvent> events) {
    this.proxy = proxy;
    this.seed = seed;
    this.inspector = inspector;
    this.events = events;
  }

  synchronized void add(Rule rule) {
    if (inspector == null) {
      throw new IllegalArgumentException("proxy [" + proxy + "] has no protocol, so it cannot take rule ["
          + rule.name() + "]: create the proxy with a protocol (ProxySpec.withProtocol)");
    }
    if (rule.name().isBlank()) {
      throw new IllegalArgumentException("proxy [" + proxy + "]: a rule needs a name (Rule.named)");
    }
    if (!rule.protocol().isEmpty() && !rule.protocol().equals(inspector.name())) {
      throw new IllegalArgumentException("proxy [" + proxy + "] speaks [" + inspector.name() + "], so it cannot take ["
          + rule.protocol() + "] rule [" + rule.name() + "]: write the rule for " + inspector.name());
    }
    inspector.validate(rule);
    if (rules.stream().anyMatch(r -> r.spec.name().equals(rule.name()))) {
      throw new NameConflictException("proxy [" + proxy + "]: rule [" + rule.name() + "] already exists");
    }
    Counter counter = new Counter();
    ActiveRule active = new ActiveRule(rule, inspector, counter, seed.getAsLong());
    counters.put(rule.name(), counter);
    List<ActiveRule> next = new ArrayList<>(rules);
    next.add(active);
    set(next);
  }

  synchronized void remove(String name) {
    List<ActiveRule> next = new ArrayList<>(rules);
    if (!next.removeIf(r -> r.spec.name().equals(name))) {
      throw new NoSuchElementException("proxy [" + proxy + "]: rule [" + name + "] not found; it has " + names());
    }
    set(next);
  }

  synchronized List<String> clear() {
    List<String> names = names();
    set(List.of());
    return names;
  }

  /** Replaces the rules (under the book's lock). */
  private void set(List<ActiveRule> next) {
    rules = List.copyOf(next);
    upstream = next.stream().anyMatch(rule -> rule.spec.direction() == Direction.UPSTREAM);
    downstream = next.stream().anyMatch(rule -> rule.spec.direction() == Direction.DOWNSTREAM);
  }

  List<Rule> specs() {
    return rules.stream().map(r -> r.spec).toList();
  }

  FaultCounters counters(String name) {
    Counter counter = counters.get(name);
    if (counter == null) {
      throw new NoSuchElementException("proxy [" + proxy + "]: no rule [" + name + "] was ever added");
    }
    return counter.snapshot();
  }

  /** Whether a rule applies to messages going in {@code direction}. */
  boolean hasRules(Direction direction) {
    return direction == Direction.UPSTREAM ? upstream : downstream;
  }

  /**
   * Finds the first rule that fires for a message of a connection's direction; {@code firedHere} holds
   * the rules that fired on that connection before, so each counts it once.
   */
  Optional<RuleMatch> match(long connection, Direction direction, MessageFacts facts, Set<ActiveRule> firedHere) {
    List<ActiveRule> rules = this.rules;
    for (int i = 0; i < rules.size(); i++) { // indexed: this runs for every decoded message
      ActiveRule rule = rules.get(i);
      if (rule.spec.direction() != direction || !rule.matches(facts)) {
        continue;
      }
      if (mayFire(rule, connection, rule.matched())) {
        long firing = rule.counter.firedWithin(rule.spec.times());
        if (firing > 0) {
          if (firedHere.add(rule)) {
            rule.counter.connection();
          }
          return Optional.of(new RuleMatch(rule.spec, firing));
        }
      }
    }
    return Optional.empty();
  }

  /** Past {@code after}, fires with the rule's probability, drawn for the {@code ordinal}-th matched message. */
  private boolean mayFire(ActiveRule rule, long connection, long ordinal) {
    if (ordinal <= rule.spec.after()) {
      return false;
    }
    if (rule.spec.probability() >= 1 || rule.spec.probability() <= 0) {
      return rule.spec.probability() >= 1;
    }
    double draw = Seeds.unit(rule.seed, proxy, rule.spec.name(), "probability", ordinal);
    events.accept(new ProxyEvent.FaultDrew(Instant.now(), proxy, connection, ProxyEvent.FaultKind.RULE,
        rule.spec.name(), "probability", ordinal, draw));
    return draw < rule.spec.probability();
  }

  private List<String> names() {
    return rules.stream().map(r -> r.spec.name()).toList();
  }
}
