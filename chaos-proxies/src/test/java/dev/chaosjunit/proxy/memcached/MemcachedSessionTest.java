package dev.chaosjunit.proxy.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.testkit.RecordingPort;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemcachedSessionTest {

  static final Action OUT_OF_MEMORY = Action.Error.of("", "");
  static final Action MISS = new Action.Respond(Map.of("reply", "miss"));
  static final Action NOT_STORED = new Action.Respond(Map.of("reply", "not_stored"));

  private final MemcachedInspector inspector = new MemcachedInspector();
  private final InspectorSession session = inspector.open(new ConnectionInfo("cache", 1, null, null));
  private final RecordingPort port = new RecordingPort(inspector);

  @AfterEach
  void closeSession() {
    session.onClose();
  }

  static Rule rule(String command, String key, Action action) {
    Map<String, String> match = new LinkedHashMap<>();
    if (command != null) {
      match.put("command", command);
    }
    if (key != null) {
      match.put("key", key);
    }
    return new Rule("r-" + command + "-" + key, "", Direction.UPSTREAM, match, action, 1, 0, 0);
  }

  static String set(String command, String key, String data, String... extra) {
    return command + " " + key + " 0 0 " + data.length() + (extra.length == 0 ? "" : " " + String.join(" ", extra))
        + "\r\n" + data + "\r\n";
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 2, 7, 4096})
  void relaysUnmatchedTrafficByteForByteAndMatchesEveryCommandWithKeys(int size) {
    port.rule(rule("set", "audit:*", OUT_OF_MEMORY));
    String requests = set("set", "a", "get b\r\nEND") + set("add", "b", "", "noreply") + "cas c 1 0 2 99 noreply\r\nhi\r\n"
        + "get a b c\r\n" + "gats 60 a b\r\n" + "delete a\r\n" + "delete b 0 noreply\r\n" + "incr n 5\r\n" + "touch a 10\r\n"
        + "mg a v k Oq1\r\n" + "ms b 3 T0 q\r\nxyz\r\n" + "md a q\r\n" + "ma n D4\r\n" + "mn\r\n" + "stats\r\n" + "version\r\n";
    String replies = "STORED\r\n" + "EXISTS\r\n" + "VALUE a 0 11\r\nget b\r\nEND\r\n" + "VALUE b 0 2 7\r\nMN\r\nEND\r\n"
        + "END\r\n" + "DELETED\r\n" + "6\r\n" + "TOUCHED\r\n" + "VA 3 ka Oq1\r\nMN\r\n" + "NF\r\n" + "HD\r\n"
        + "MN\r\n" + "STAT pid 1\r\nEND\r\n" + "VERSION 1.6.18\r\n" + "NOT_FOUND\r\nCLIENT_ERROR bad data chunk\r\nERROR\r\n"
        + "SERVER_ERROR out of memory storing object\r\n";
    port.client(session, requests, size);
    port.server(session, replies, size);
    assertThat(port.sentToServer()).isEqualTo(requests);
    assertThat(port.sentToClient()).isEqualTo(replies);
    assertThat(port.requestFacts()).extracting(f -> f.get("command").get(0) + " " + f.get("key")).containsExactly(
        "set [a]", "add [b]", "cas [c]", "get [a, b, c]", "gats [a, b]", "delete [a]", "delete [b]", "incr [n]", "touch [a]",
        "mg [a]", "ms [b]", "md [a]", "ma [n]");
    assertThat(port.passThroughReason()).isNull();
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 3, 4096})
  void aServerErrorSwallowsTheCommandWithItsDataBlockAndTakesItsReplysPlace(int size) {
    port.rule(rule("set", "session:*", new Action.Error("", "out of memory storing object", Map.of())));
    port.client(session, "get a\r\n" + set("set", "session:1", "data\r\nset x 0 0 1") + set("set", "other", "kept")
        + "mn\r\n", size);
    assertThat(port.sentToServer()).isEqualTo("get a\r\n" + "mn\r\n" + set("set", "other", "kept") + "mn\r\n");
    assertThat(port.sentToClient()).isEmpty();
    port.server(session, "VALUE a 0 2\r\nMN\r\nEND\r\n" + "MN\r\n" + "STORED\r\n" + "MN\r\n", size);
    assertThat(port.sentToClient()).isEqualTo("VALUE a 0 2\r\nMN\r\nEND\r\n"
        + "SERVER_ERROR out of memory storing object\r\n" + "STORED\r\n" + "MN\r\n");
  }

  @Test
  void anErrorWithoutAMessageIsOutOfMemory() {
    port.rule(rule(null, "k", OUT_OF_MEMORY));
    port.client(session, "incr k 1\r\n", 4096);
    port.server(session, "MN\r\n", 4096);
    assertThat(port.sentToClient()).isEqualTo("SERVER_ERROR out of memory storing object\r\n");
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 4096})
  void noreplyCommandsGetNoInjectedReplyAndTheRepliesAroundThemStayInOrder(int size) {
    port.rule(rule(null, "lost:*", OUT_OF_MEMORY));
    port.client(session, set("set", "a", "1", "noreply") + set("set", "lost:1", "2", "noreply") + "delete lost:2 noreply\r\n"
        + "get lost:3\r\n" + "get a\r\n", size);
    assertThat(port.sentToServer()).isEqualTo(set("set", "a", "1", "noreply") + "mn\r\n" + "get a\r\n");
    port.server(session, "MN\r\nVALUE a 0 1\r\n1\r\nEND\r\n", size);
    assertThat(port.sentToClient()).isEqualTo("SERVER_ERROR out of memory storing object\r\nVALUE a 0 1\r\n1\r\nEND\r\n");
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 4096})
  void aMissOnAMultiGetAsksTheServerForTheOtherKeysAlone(int size) {
    port.rule(rule("g*", "session:*", MISS));
    port.client(session, "gets a session:1 b session:2\r\n" + "gat 60 session:9 c\r\n" + "get session:3 session:4\r\n"
        + "get x\r\n", size);
    assertThat(port.sentToServer()).isEqualTo("gets a b\r\n" + "gat 60 c\r\n" + "mn\r\n" + "get x\r\n");
    port.server(session, "VALUE a 0 1 5\r\n1\r\nEND\r\n" + "END\r\n" + "MN\r\n" + "END\r\n", size);
    assertThat(port.sentToClient()).isEqualTo("VALUE a 0 1 5\r\n1\r\nEND\r\n" + "END\r\n" + "END\r\n" + "END\r\n");
  }

  @Test
  void aMissWithoutAKeyMissesEveryKey() {
    port.rule(rule("get", null, MISS));
    port.client(session, "get a b\r\n", 4096);
    port.server(session, "MN\r\n", 4096);
    assertThat(port.sentToServer()).isEqualTo("mn\r\n");
    assertThat(port.sentToClient()).isEqualTo("END\r\n");
  }

  @Test
  void metaMissesEchoTheOpaqueAndTheKeyAndAQuietGetMissesSilently() {
    port.rule(rule("mg", "gone", MISS)).rule(rule("md", "gone", MISS)).rule(rule("ma", "gone", MISS));
    port.client(session, "mg gone v k Oa1\r\n" + "mg gone v q\r\n" + "md gone q O7\r\n" + "ma gone\r\n" + "mn\r\n", 1);
    assertThat(port.sentToServer()).isEqualTo("mn\r\n" + "mn\r\n" + "mn\r\n" + "mn\r\n");
    port.server(session, "MN\r\nMN\r\nMN\r\nMN\r\n", 1);
    assertThat(port.sentToClient()).isEqualTo("EN kgone Oa1\r\n" + "NF O7\r\n" + "NF\r\n" + "MN\r\n");
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 4096})
  void notStoredSwallowsWritesWithTheirDataBlocks(int size) {
    port.rule(rule("add", "full:*", NOT_STORED)).rule(rule("ms", "full:*", NOT_STORED)).rule(rule("append", "full:*", NOT_STORED));
    port.client(session, set("add", "full:1", "xx") + "ms full:2 2 q Oz\r\nyy\r\n" + set("append", "full:3", "", "noreply")
        + set("set", "ok", "x"), size);
    assertThat(port.sentToServer()).isEqualTo("mn\r\n" + "mn\r\n" + set("set", "ok", "x"));
    port.server(session, "MN\r\nMN\r\nSTORED\r\n", size);
    assertThat(port.sentToClient()).isEqualTo("NOT_STORED\r\n" + "NS Oz\r\n" + "STORED\r\n");
  }

  @Test
  void aBase64KeyMatchesAsTheTextItEncodes() {
    port.rule(rule("mg", "session:1", MISS));
    port.client(session, "mg c2Vzc2lvbjox b v\r\n", 4096);
    assertThat(port.requestFacts()).extracting(f -> f.get("key")).containsExactly(List.of("session:1"));
    assertThat(port.sentToServer()).isEqualTo("mn\r\n");
  }

  @Test
  void aDelayHoldsTheWholeCommandBack() {
    port.rule(rule("set", null, new Action.Delay(Duration.ofMillis(300))));
    port.client(session, set("set", "a", "slow") + "get a\r\n", 3);
    assertThat(port.events()).containsSubsequence("delay:300", "server:" + set("set", "a", "slow"), "server:get a\r\n");
  }

  @Test
  void aDropClosesTheConnectionAfterWhatPassed() {
    port.rule(rule(null, "b", new Action.Drop(null)));
    port.client(session, "get a\r\nget b\r\nget c\r\n", 4096);
    assertThat(port.closedHow()).isEqualTo("close");
    assertThat(port.sentToServer()).isEqualTo("get a\r\n");
  }

  @Test
  void aDropWithAModeResets() {
    port.rule(rule(null, "b", new Action.Drop(DropMode.RESET)));
    port.client(session, "delete b\r\n", 4096);
    assertThat(port.closedHow()).isEqualTo("reset");
  }
}
