package dev.chaosjunit.proxy.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.testkit.RecordingPort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedisSessionTest {

  private final RedisInspector inspector = new RedisInspector();
  private final InspectorSession session = inspector.open(new ConnectionInfo("cache", 1, null, null));
  private final RecordingPort port = new RecordingPort(inspector);

  @AfterEach
  void close() {
    session.onClose();
  }

  static String cmd(String... args) {
    StringBuilder out = new StringBuilder("*").append(args.length).append("\r\n");
    for (String arg : args) {
      out.append('$').append(arg.length()).append("\r\n").append(arg).append("\r\n");
    }
    return out.toString();
  }

  static Rule rule(String command, Action action) {
    return new Rule("r-" + command, "", Direction.UPSTREAM, Map.of("command", command), action, 1, 0, 0);
  }

  static Rule readOnly(String command) {
    return rule(command, Action.Error.of("READONLY", "You can't write against a read only replica."));
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 2, 7, 4096})
  void relaysUnmatchedTrafficByteForByte(int size) {
    String requests = cmd("SET", "k", "v") + cmd("MGET", "a", "b") + "PING\r\n";
    String replies = "+OK\r\n*2\r\n$1\r\n1\r\n$-1\r\n+PONG\r\n";
    port.rule(readOnly("DEL"));
    port.client(session, requests, size);
    port.server(session, replies, size);
    assertThat(port.sentToServer()).isEqualTo(requests);
    assertThat(port.sentToClient()).isEqualTo(replies);
    assertThat(port.requestFacts()).extracting(f -> f.get("command"))
        .containsExactly(List.of("SET"), List.of("MGET"), List.of("PING"));
    assertThat(port.requestFacts().get(1).get("key")).containsExactly("a", "b");
    assertThat(port.passThroughReason()).isNull();
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 3, 4096})
  void injectedErrorTakesThePlaceOfTheCommandInAPipeline(int size) {
    port.rule(readOnly("SET"));
    port.client(session, cmd("GET", "a") + cmd("set", "b", "1") + cmd("GET", "c"), size);
    port.server(session, "$1\r\nA\r\n$1\r\nC\r\n", size);
    assertThat(port.sentToServer()).isEqualTo(cmd("GET", "a") + cmd("GET", "c"));
    assertThat(port.sentToClient())
        .isEqualTo("$1\r\nA\r\n-READONLY You can't write against a read only replica.\r\n$1\r\nC\r\n");
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 4096})
  void injectedReplyWaitsForAReplyHalfWayThrough(int size) {
    port.rule(rule("GET", new Action.Respond(Map.of("value", "nil"))));
    port.client(session, cmd("LRANGE", "l", "0", "-1"), size);
    port.server(session, "*2\r\n$3\r\nab", size);
    port.client(session, cmd("GET", "x"), size);
    assertThat(port.sentToClient()).isEqualTo("*2\r\n$3\r\nab");
    port.server(session, "c\r\n:5\r\n", size);
    assertThat(port.sentToClient()).isEqualTo("*2\r\n$3\r\nabc\r\n:5\r\n$-1\r\n");
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 4096})
  void resp3PushesDoNotAnswerCommandsAndNilIsUnderscore(int size) {
    port.rule(rule("GET", new Action.Respond(Map.of("value", "nil"))));
    port.client(session, cmd("HELLO", "3") + cmd("SUBSCRIBE", "ch") + cmd("INCR", "n"), size);
    port.server(session, "%1\r\n+proto\r\n:3\r\n", size);
    port.client(session, cmd("GET", "x"), size);
    port.server(session, ">3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n>3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n:1\r\n", size);
    assertThat(port.sentToClient()).isEqualTo("%1\r\n+proto\r\n:3\r\n"
        + ">3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n>3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n:1\r\n_\r\n");
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 4096})
  void resp2PubSubMessagesKeepFlowingAndConfirmationsComeFirst(int size) {
    port.rule(rule("PING", Action.Error.of("ERR", "injected")));
    port.client(session, cmd("SUBSCRIBE", "a", "b") + cmd("PING"), size);
    assertThat(port.sentToClient()).isEmpty();
    String confirmations = "*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n*3\r\n$9\r\nsubscribe\r\n$1\r\nb\r\n:2\r\n";
    String message = "*3\r\n$7\r\nmessage\r\n$1\r\na\r\n$5\r\nhello\r\n";
    port.server(session, confirmations + message, size);
    assertThat(port.sentToClient()).isEqualTo(confirmations + "-ERR injected\r\n" + message);
    assertThat(port.sentToServer()).isEqualTo(cmd("SUBSCRIBE", "a", "b"));
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 4096})
  void errorInsideMultiAbortsExecLikeAQueueTimeError(int size) {
    port.rule(readOnly("SET"));
    port.client(session, cmd("MULTI") + cmd("INCR", "n") + cmd("SET", "k", "v") + cmd("EXEC"), size);
    assertThat(port.sentToServer()).isEqualTo(cmd("MULTI") + cmd("INCR", "n") + cmd("DISCARD"));
    port.server(session, "+OK\r\n+QUEUED\r\n+OK\r\n", size);
    assertThat(port.sentToClient()).isEqualTo("+OK\r\n+QUEUED\r\n"
        + "-READONLY You can't write against a read only replica.\r\n"
        + "-EXECABORT Transaction discarded because of previous errors.\r\n");
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 4096})
  void delayHoldsTheCommandBack(int size) {
    port.rule(rule("GET", new Action.Delay(Duration.ofMillis(250))));
    port.client(session, cmd("PING") + cmd("GET", "k") + cmd("PING"), size);
    assertThat(port.sentToServer()).isEqualTo(cmd("PING") + cmd("GET", "k") + cmd("PING"));
    assertThat(port.events()).contains("delay:250");
    assertThat(port.events().get(port.events().indexOf("delay:250") + 1)).isEqualTo("server:" + cmd("GET", "k"));
  }

  @ParameterizedTest(name = "mode {0}")
  @ValueSource(strings = {"close", "reset", "blackhole"})
  void dropStopsTheConnection(String mode) {
    port.rule(rule("GET", new Action.Drop(DropMode.of(mode))));
    port.client(session, cmd("PING") + cmd("GET", "k") + cmd("PING"), 4096);
    port.client(session, cmd("PING"), 4096);
    assertThat(port.sentToServer()).isEqualTo(cmd("PING"));
    assertThat(port.events()).endsWith(mode);
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 4096})
  void keysOfMultiKeyCommandsAreAllFacts(int size) {
    port.client(session, cmd("MSET", "k1", "v1", "k2", "v2") + cmd("BLPOP", "q1", "q2", "0")
        + cmd("EVAL", "return 1", "2", "e1", "e2", "arg") + cmd("DEL", "d1", "d2", "d3") + "GET inline\r\n", size);
    assertThat(port.requestFacts()).extracting(f -> f.get("key")).containsExactly(List.of("k1", "k2"),
        List.of("q1", "q2"), List.of("e1", "e2"), List.of("d1", "d2", "d3"), List.of("inline"));
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 4096})
  void respondSendsBulkSimpleOrIntegerValues(int size) {
    port.rule(rule("GET", new Action.Respond(Map.of("value", "héllo"))));
    port.rule(rule("SET", new Action.Respond(Map.of("value", "OK", "type", "simple"))));
    port.rule(rule("INCR", new Action.Respond(Map.of("value", "42", "type", "integer"))));
    port.client(session, cmd("GET", "a") + cmd("SET", "a", "b") + cmd("INCR", "n"), size);
    assertThat(port.sentToClient()).isEqualTo("$6\r\nh\u00c3\u00a9llo\r\n+OK\r\n:42\r\n");
    assertThat(port.sentToServer()).isEmpty();
  }
}
