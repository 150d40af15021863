package dev.chaosjunit.proxy.redis;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.proxy.rule.Action.Type;
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

  static Rule rule(Direction direction, Map<String, String> match, Type type, Map<String, String> params) {
    return new Rule("bad", direction, match, new Action(type, params), 1, 0, 0);
  }

  static Stream<Arguments> badRules() {
    Map<String, String> set = Map.of("command", "SET");
    return Stream.of(
        Arguments.of(rule(Direction.DOWNSTREAM, set, Type.ERROR, Map.of()), "matches commands only: use direction [REQUEST]"),
        Arguments.of(rule(Direction.UPSTREAM, Map.of("sql", "x"), Type.ERROR, Map.of()), "has no match key [sql] for redis: use [command] or [key]"),
        Arguments.of(rule(Direction.UPSTREAM, set, Type.ERROR, Map.of("code", "READ ONLY")), "has error code [READ ONLY]"),
        Arguments.of(rule(Direction.UPSTREAM, set, Type.ERROR, Map.of("message", "a\r\nb")), "has a line break in [message]"),
        Arguments.of(rule(Direction.UPSTREAM, set, Type.RESPOND, Map.of("type", "map")), "has reply type [map]: use bulk, simple or integer"),
        Arguments.of(rule(Direction.UPSTREAM, set, Type.RESPOND, Map.of("type", "integer", "value", "x")), "has value [x]: expected a whole number"),
        Arguments.of(rule(Direction.UPSTREAM, set, Type.DELAY, Map.of("ms", "-5")), "has ms [-5]: expected a whole number >= 0"),
        Arguments.of(rule(Direction.UPSTREAM, set, Type.DROP, Map.of("mode", "slam")), "has drop mode [slam]: use close, reset or blackhole"),
        Arguments.of(rule(Direction.UPSTREAM, set, Type.DUPLICATE, Map.of()), "has action [DUPLICATE], which redis does not support"));
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
    assertThatCode(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of("command", "SET", "key", "user:*"), Type.ERROR,
        Map.of("code", "READONLY", "message", "You can't write against a read only replica.")))).doesNotThrowAnyException();
    assertThatCode(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of("command", "GET"), Type.RESPOND,
        Map.of("value", "nil")))).doesNotThrowAnyException();
  }
}
