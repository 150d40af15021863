package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import java.util.EnumSet;
import dev.chaosjunit.fault.Rule;
import java.util.Set;
import org.apache.kafka.common.protocol.ApiKeys;

/** Checks that a rule can be carried out on Kafka traffic, naming what is wrong and how to fix it. */
final class KafkaRules {

  /** How a DROP without a mode drops: no response, the client's request times out. */
  static final DropMode DEFAULT_DROP = DropMode.TIMEOUT;

  private static final Set<DropMode> DROP_MODES =
      EnumSet.of(DropMode.TIMEOUT, DropMode.CLOSE, DropMode.RESET, DropMode.BLACKHOLE);

  private KafkaRules() {}

  static void validate(Rule rule, Set<String> matchKeys) {
    rule.match().forEach((key, pattern) -> validateMatch(rule, key, pattern, matchKeys));
    Action action = rule.action();
    try {
      if (action instanceof Action.Error error) {
        ErrorResponses.error(error);
        if (!error.params().isEmpty()) {
          throw new IllegalArgumentException("a Kafka error is its error name and message only, not "
              + error.params().keySet());
        }
      } else if (action instanceof Action.Drop drop) {
        validateDrop(rule, drop.modeOr(DEFAULT_DROP));
      } else if (action instanceof Action.Duplicate) {
        requireRequestDirection(rule);
      } else if (action instanceof Action.Respond || action instanceof Action.Rewrite) {
        throw new IllegalArgumentException(
            "Kafka has no " + action.type() + " action; use error (code = a Kafka error name), delay, drop or duplicate");
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("rule [" + rule.name() + "]: " + e.getMessage(), e);
    }
  }

  private static void validateMatch(Rule rule, String key, String pattern, Set<String> matchKeys) {
    if (!matchKeys.contains(key)) {
      throw new IllegalArgumentException("rule [" + rule.name() + "]: Kafka has no match key [" + key
          + "]; use api, topic, group or client_id");
    }
    if (key.equals("api") && isLiteral(pattern) && !isApiName(pattern)) {
      throw new IllegalArgumentException("rule [" + rule.name() + "]: api [" + pattern
          + "] is not a Kafka API name; use e.g. PRODUCE, FETCH, METADATA, FIND_COORDINATOR (or Produce, FindCoordinator)");
    }
  }

  private static void validateDrop(Rule rule, DropMode mode) {
    if (!DROP_MODES.contains(mode)) {
      throw new IllegalArgumentException("Kafka drops with mode timeout (no response, the default), close, reset"
          + " or blackhole, not [" + mode.wireName() + "]");
    }
    if (rule.direction() == Direction.DOWNSTREAM && mode != DropMode.TIMEOUT) {
      throw new IllegalArgumentException("a downstream (response) rule drops only with mode=timeout (the broker did the"
          + " work, the client never hears); use an upstream (request) rule for mode [" + mode.wireName() + "]");
    }
  }

  private static void requireRequestDirection(Rule rule) {
    if (rule.direction() != Direction.UPSTREAM) {
      throw new IllegalArgumentException("duplicate copies requests; use direction upstream");
    }
  }

  private static boolean isLiteral(String pattern) {
    return pattern.chars().noneMatch(c -> c == '*' || c == '?' || c == '\\');
  }

  private static boolean isApiName(String name) {
    for (ApiKeys api : ApiKeys.values()) {
      if (api.name().equalsIgnoreCase(name) || api.name.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
