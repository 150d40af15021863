package dev.chaosjunit.proxy.redis;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import java.util.EnumSet;
import dev.chaosjunit.fault.Rule;
import java.util.Set;

/** Checks that a rule can be carried out on Redis, naming the offending element and the fix. */
final class RedisRuleValidator {

  private static final Set<String> TYPES = Set.of("bulk", "simple", "integer");
  private static final Set<DropMode> MODES = EnumSet.of(DropMode.CLOSE, DropMode.RESET, DropMode.BLACKHOLE);

  private final Rule rule;

  RedisRuleValidator(Rule rule) {
    this.rule = rule;
  }

  void validate(Set<String> keys) {
    require(rule.direction() == Direction.UPSTREAM, "matches commands only: use direction [upstream]");
    for (String key : rule.match().keySet()) {
      require(keys.contains(key), "has no match key [" + key + "] for redis: use [command] or [key]");
    }
    Action action = rule.action();
    if (action instanceof Action.Error error) {
      validateError(error);
    } else if (action instanceof Action.Respond respond) {
      validateRespond(respond);
    } else if (action instanceof Action.Drop drop) {
      require(MODES.contains(drop.modeOr(DropMode.CLOSE)),
          "has drop mode [" + drop.modeOr(DropMode.CLOSE).wireName() + "]: use close, reset or blackhole");
    } else {
      require(action instanceof Action.Delay, "has action [" + action.type() + "], which redis does not support:"
          + " use error, respond, delay or drop");
    }
  }

  private void validateError(Action.Error error) {
    require(error.params().isEmpty(), "has error parameters " + error.params().keySet()
        + ": a Redis error is its prefix and message only");
    String code = error.code().isEmpty() ? "ERR" : error.code();
    require(code.chars().noneMatch(c -> c <= ' '),
        "has error code [" + code + "]: a Redis error prefix is one word without blanks, e.g. READONLY");
    requireOneLine("message", error.message());
  }

  private void validateRespond(Action.Respond respond) {
    String type = respond.param(RedisReplies.TYPE).orElse("bulk");
    require(TYPES.contains(type), "has reply type [" + type + "]: use bulk, simple or integer");
    String value = respond.param(RedisReplies.VALUE).orElse("");
    if (!type.equals("bulk")) {
      requireOneLine(RedisReplies.VALUE, value);
    }
    if (type.equals("integer")) {
      require(value.matches("-?\\d{1,18}"), "has value [" + value + "]: expected a whole number");
    }
  }

  private void requireOneLine(String param, String value) {
    require(value.indexOf('\r') < 0 && value.indexOf('\n') < 0,
        "has a line break in [" + param + "]: Redis sends it on one line, remove CR and LF");
  }

  private void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("redis rule [" + rule.name() + "] " + problem);
    }
  }
}
