package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.proxy.rule.ActionSpec;
import dev.chaosjunit.proxy.rule.Direction;
import dev.chaosjunit.proxy.rule.RuleSpec;
import java.util.Set;
import org.apache.kafka.common.protocol.ApiKeys;

/** Checks that a rule can be carried out on Kafka traffic, naming what is wrong and how to fix it. */
final class KafkaRules {

  private KafkaRules() {}

  static void validate(RuleSpec rule, Set<String> matchKeys) {
    rule.match().forEach((key, pattern) -> validateMatch(rule, key, pattern, matchKeys));
    ActionSpec action = rule.action();
    try {
      switch (action.type()) {
        case ERROR -> ErrorResponses.error(action);
        case DELAY -> requireMillis(action);
        case DROP -> validateDrop(rule, DropMode.of(action));
        case DUPLICATE -> requireRequestDirection(rule);
        case RESPOND -> throw new IllegalArgumentException(
            "Kafka has no RESPOND action; use ERROR (code=<Kafka error name>), DELAY, DROP or DUPLICATE");
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("rule [" + rule.name() + "]: " + e.getMessage(), e);
    }
  }

  private static void validateMatch(RuleSpec rule, String key, String pattern, Set<String> matchKeys) {
    if (!matchKeys.contains(key)) {
      throw new IllegalArgumentException("rule [" + rule.name() + "]: Kafka has no match key [" + key
          + "]; use api, topic, group or client_id");
    }
    if (key.equals("api") && isLiteral(pattern) && !isApiName(pattern)) {
      throw new IllegalArgumentException("rule [" + rule.name() + "]: api [" + pattern
          + "] is not a Kafka API name; use e.g. PRODUCE, FETCH, METADATA, FIND_COORDINATOR (or Produce, FindCoordinator)");
    }
  }

  static void requireMillis(ActionSpec action) {
    String ms = action.param("ms").orElse("0");
    if (!ms.matches("\\d{1,9}")) {
      throw new IllegalArgumentException("DELAY needs ms = a whole number of milliseconds, was [" + ms + "]");
    }
  }

  private static void validateDrop(RuleSpec rule, DropMode mode) {
    if (rule.direction() == Direction.RESPONSE && mode != DropMode.TIMEOUT) {
      throw new IllegalArgumentException("a RESPONSE rule drops only with mode=timeout (the broker did the"
          + " work, the client never hears); use a REQUEST rule for mode [" + mode.name().toLowerCase() + "]");
    }
  }

  private static void requireRequestDirection(RuleSpec rule) {
    if (rule.direction() != Direction.REQUEST) {
      throw new IllegalArgumentException("DUPLICATE copies requests; use direction REQUEST");
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
