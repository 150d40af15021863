package dev.chaosjunit.proxy.memcached;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

class MemcachedRuleValidationTest {

  private final MemcachedInspector inspector = new MemcachedInspector();

  static Stream<Arguments> rejected() {
    Map<String, String> set = Map.of("command", "set");
    return Stream.of(
        Arguments.of(Direction.DOWNSTREAM, set, Action.Error.of("", "x"), "matches commands only: use direction [upstream]"),
        Arguments.of(Direction.UPSTREAM, Map.of("subject", "a"), Action.Error.of("", "x"),
            "has no match key [subject] for memcached: use [command] or [key]"),
        Arguments.of(Direction.UPSTREAM, set, Action.Error.of("CLIENT_ERROR", "x"), "has error code [CLIENT_ERROR] or parameters []:"
            + " a memcached error is SERVER_ERROR and its message, set the message alone"),
        Arguments.of(Direction.UPSTREAM, set, Action.Error.of("", "a\r\nb"),
            "has a line break in its error message: SERVER_ERROR carries it on one line, remove CR and LF"),
        Arguments.of(Direction.UPSTREAM, set, new Action.Respond(Map.of("reply", "exists")),
            "has respond parameters {reply=exists}: use [reply] alone, [miss] or [not_stored]"),
        Arguments.of(Direction.UPSTREAM, Map.of("key", "a"), new Action.Respond(Map.of("reply", "miss")),
            "answers [miss] without a [command]: match one of [decr, delete, gat, gats, get, gets, incr, ma, md, mg, touch]"),
        Arguments.of(Direction.UPSTREAM, Map.of("command", "*et"), new Action.Respond(Map.of("reply", "miss")),
            "answers [miss] to commands [get, set] of [command] [*et]: match only commands of"
            + " [decr, delete, gat, gats, get, gets, incr, ma, md, mg, touch]"),
        Arguments.of(Direction.UPSTREAM, Map.of("command", "stats"), new Action.Respond(Map.of("reply", "not_stored")),
            "answers [not_stored] to commands [] of [command] [stats]: match only commands of"
            + " [add, append, cas, ms, prepend, replace, set]"),
        Arguments.of(Direction.UPSTREAM, set, new Action.Drop(DropMode.TIMEOUT),
            "has drop mode [timeout]: use close, reset or blackhole"),
        Arguments.of(Direction.UPSTREAM, set, new Action.Duplicate(),
            "has action [duplicate], which memcached does not support: use error, respond (miss, not_stored), delay or drop"));
  }

  @ParameterizedTest(name = "{3}")
  @MethodSource
  void rejected(Direction direction, Map<String, String> match, Action action, String problem) {
    Rule rule = new Rule("bad", "memcached", direction, match, action, 1, 0, 0);
    assertThatThrownBy(() -> inspector.validate(rule)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("memcached rule [bad] " + problem);
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of(Map.of("key", "session:*"), Action.Error.of("", "out of memory storing object")),
        Arguments.of(Map.of("command", "g*", "key", "user:*"), new Action.Respond(Map.of("reply", "miss"))),
        Arguments.of(Map.of("command", "ms"), new Action.Respond(Map.of("reply", "not_stored"))),
        Arguments.of(Map.of(), new Action.Delay(Duration.ofMillis(5))),
        Arguments.of(Map.of("command", "DELETE"), new Action.Drop(DropMode.BLACKHOLE)));
  }

  @ParameterizedTest
  @MethodSource
  void accepted(Map<String, String> match, Action action) {
    assertThatCode(() -> inspector.validate(new Rule("ok", "memcached", Direction.UPSTREAM, match, action, 1, 0, 0)))
        .doesNotThrowAnyException();
  }
}
