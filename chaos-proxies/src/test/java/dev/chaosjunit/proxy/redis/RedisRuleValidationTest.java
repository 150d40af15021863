package dev.chaosjunit.proxy.redis;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RedisRuleValidationTest {

  private final RedisInspector inspector = new RedisInspector();

  static Rule rule(Direction direction, Map<String, String> match, Action action) {
    return new Rule("bad", "", direction, match, action, 1, 0, 0);
  }

  static Stream<Arguments> badRules() {
    Map<String, String> set = Map.of("command", "SET");
    return Stream.of(
        Arguments.of(rule(Direction.DOWNSTREAM, set, Action.Error.of("", "")),
            "matches commands only: use direction [upstream]"),
        Arguments.of(rule(Direction.UPSTREAM, Map.of("sql", "x"), Action.Error.of("", "")),
            "has no match key [sql] for redis: use [command] or [key]"),
        Arguments.of(rule(Direction.UPSTREAM, set, Action.Error.of("READ ONLY", "")), "has error code [READ ONLY]"),
        Arguments.of(rule(Direction.UPSTREAM, set, Action.Error.of("", "a\r\nb")), "has a line break in [message]"),
        Arguments.of(rule(Direction.UPSTREAM, set, new Action.Respond(Map.of("type", "map"))),
            "has reply type [map]: use bulk, simple or integer"),
        Arguments.of(rule(Direction.UPSTREAM, set, new Action.Respond(Map.of("type", "integer", "value", "x"))),
            "has value [x]: expected a whole number"),
        Arguments.of(rule(Direction.UPSTREAM, set, new Action.Duplicate()),
            "has action [duplicate], which redis does not support: use error, respond, delay or drop"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badRules")
  void badRulesAreRejectedNamingTheProblemAndTheFix(Rule rule, String problem) {
    assertThatThrownBy(() -> inspector.validate(rule))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("redis rule [bad] ")
        .hasMessageContaining(problem);
  }

  @Test
  void theExtensionsRulesAreAccepted() {
    assertThatCode(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of("command", "SET", "key", "user:*"),
        Action.Error.of("READONLY", "You can't write against a read only replica.")))).doesNotThrowAnyException();
    assertThatCode(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of("command", "GET"),
        new Action.Respond(Map.of("value", "nil"))))).doesNotThrowAnyException();
  }
}
