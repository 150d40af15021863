package dev.chaosjunit.proxy.redis;

import dev.chaosjunit.proxy.rule.ActionSpec;
import dev.chaosjunit.proxy.rule.Direction;
import dev.chaosjunit.proxy.rule.RuleSpec;
import java.util.Set;

/** Checks that a rule can be carried out on Redis, naming the offending element and the fix. */
final class RedisRuleValidator {

  private static final Set<String> TYPES = Set.of("bulk", "simple", "integer");
  private static final Set<String> MODES = Set.of("close", "reset", "blackhole");

  private final RuleSpec rule;

  RedisRuleValidator(RuleSpec rule) {
    this.rule = rule;
  }

  void validate(Set<String> keys) {
    require(rule.direction() == Direction.REQUEST, "matches commands only: use direction [REQUEST]");
    for (String key : rule.match().keySet()) {
      require(keys.contains(key), "has no match key [" + key + "] for redis: use [command] or [key]");
    }
    ActionSpec action = rule.action();
    switch (action.type()) {
      case ERROR -> validateError(action);
      case RESPOND -> validateRespond(action);
      case DELAY -> requireNumber(action, "ms");
      case DROP -> require(MODES.contains(action.param("mode").orElse("close")),
          "has drop mode [" + action.param("mode").orElse("") + "]: use close, reset or blackhole");
      default -> require(false, "has action [" + action.type() + "], which redis does not support:"
          + " use ERROR, RESPOND, DELAY or DROP");
    }
  }

  private void validateError(ActionSpec action) {
    String code = action.param("code").orElse("ERR");
    require(!code.isEmpty() && code.chars().noneMatch(c -> c <= ' '),
        "has error code [" + code + "]: a Redis error prefix is one word without blanks, e.g. READONLY");
    requireOneLine(action, "message");
  }

  private void validateRespond(ActionSpec action) {
    String type = action.param("type").orElse("bulk");
    require(TYPES.contains(type), "has reply type [" + type + "]: use bulk, simple or integer");
    if (!type.equals("bulk")) {
      requireOneLine(action, "value");
    }
    if (type.equals("integer")) {
      requireNumber(action, "value");
    }
  }

  private void requireOneLine(ActionSpec action, String param) {
    String value = action.param(param).orElse("");
    require(value.indexOf('\r') < 0 && value.indexOf('\n') < 0,
        "has a line break in [" + param + "]: Redis sends it on one line, remove CR and LF");
  }

  private void requireNumber(ActionSpec action, String param) {
    String value = action.param(param).orElse("0");
    require(value.matches("-?\\d{1,18}") && (param.equals("value") || !value.startsWith("-")),
        "has " + param + " [" + value + "]: expected a whole number" + (param.equals("ms") ? " >= 0" : ""));
  }

  private void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("redis rule [" + rule.name() + "] " + problem);
    }
  }
}
