package dev.chaosjunit.proxy.mysql;

import static dev.chaosjunit.proxy.mysql.MyWire.packets;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.testkit.FuzzInput;
import dev.chaosjunit.proxy.testkit.SeedCorpus;
import dev.chaosjunit.proxy.testkit.SessionFuzzer;
import dev.chaosjunit.proxy.testkit.SessionFuzzer.RelayCheck;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MySQL/MariaDB session under any bytes, both ways, with and without a rule that fires (see {@link
 * SessionFuzzer}). With no rule it relays byte for byte, except two capability bits it clears in the
 * server's greeting (CLIENT_SSL and CLIENT_QUERY_ATTRIBUTES), inside the greeting packet and nowhere else.
 */
class MysqlFuzzTest {

  private static final int SSL = 0x800;
  private static final int CAPABILITIES = 0xF7FF | SSL | (1 << 27);

  private static final SessionFuzzer FUZZER = SessionFuzzer.of(new MysqlInspector())
      .ruleSet(rule("*", new Action.Error("1062", "Duplicate entry", Map.of("sqlstate", "23000")), 0))
      .ruleSet(rule("INSERT*", new Action.Respond(Map.of()), 0), rule("*", new Action.Delay(Duration.ofMillis(5)), 0))
      .ruleSet(rule("SELECT*", new Action.Drop(DropMode.CLOSE), 1), rule("*", Action.Error.of("1213", "Deadlock"), 1))
      .relayCheck(MysqlFuzzTest::relaysAllButGreetingCapabilities);

  private static Rule rule(String sql, Action action, long after) {
    return new Rule("r-" + sql, "", Direction.UPSTREAM, Map.of("sql", sql), action, 1, after, 0);
  }

  @FuzzTest
  void session(byte[] input) throws Exception {
    FUZZER.run(input);
  }

  private static void relaysAllButGreetingCapabilities(byte[] fromClient, byte[] fromServer, byte[] toServer, byte[] toClient) {
    RelayCheck.assertRelayed(toServer, fromClient, "to the server");
    assertThat(toClient.length).as("bytes relayed to the client, with no rule: more than received")
        .isLessThanOrEqualTo(fromServer.length);
    int greetingEnd = greetingEnd(fromServer);
    for (int i = 0; i < toClient.length; i++) {
      if (toClient[i] != fromServer[i]) {
        assertThat(i).as("byte %d changed, outside the greeting (which ends at %d)", i, greetingEnd)
            .isLessThan(greetingEnd);
        assertThat(fromServer[i] & ~toClient[i] & 0xFF).as("byte %d: only a capability bit (0x08) is cleared", i)
            .isEqualTo(0x08);
        assertThat(toClient[i] & ~fromServer[i] & 0xFF).as("byte %d: no bit set", i).isZero();
      }
    }
  }

  /** Where the first server packet that is not an ERR packet ends, or 0 if the bytes hold none whole. */
  private static int greetingEnd(byte[] server) {
    int at = 0;
    while (at + 4 < server.length) {
      int end = at + 4 + (server[at] & 0xFF | (server[at + 1] & 0xFF) << 8 | (server[at + 2] & 0xFF) << 16);
      if ((server[at + 4] & 0xFF) != 0xFF) {
        return Math.min(end, server.length);
      }
      at = end;
    }
    return 0;
  }

  @Test
  void seedsAreInTheCorpus() throws Exception {
    byte[] greeting = packets().greeting(CAPABILITIES).bytes();
    byte[] login = packets().handshakeResponse(CAPABILITIES & ~SSL).bytes();
    byte[] ok = packets().ok(2).bytes();
    byte[] queries = packets().query("INSERT INTO t VALUES (1)").query("SELECT * FROM t").bytes();
    byte[] answers = packets().ok(1).err(1, 1146, "42S02", "Table 't' doesn't exist").bytes();
    byte[] prepared = packets().prepare("INSERT INTO t VALUES (?)").execute(1).closeStatement(1).bytes();
    byte[] preparedOk = packets().prepareOk(1, 1).ok(1).bytes();
    SeedCorpus.check(getClass(), "session", Map.of(
        "login", FuzzInput.seed(0).server(greeting, 7).client(login, 5).server(ok).bytes(),
        "queries", FuzzInput.seed(0).server(greeting).client(login).server(ok).client(queries).server(answers, 3).bytes(),
        "queries-duplicate", FuzzInput.seed(1).server(greeting).client(login).server(ok).client(queries).server(answers).bytes(),
        "queries-respond", FuzzInput.seed(2).server(greeting).client(login).server(ok).client(queries, 9).server(answers).bytes(),
        "queries-drop", FuzzInput.seed(3).server(greeting).client(login).server(ok).client(queries).server(answers)
            .client(queries).bytes(),
        "prepared", FuzzInput.seed(0).server(greeting).client(login).server(ok).client(prepared).server(preparedOk).bytes(),
        "prepared-duplicate", FuzzInput.seed(1).server(greeting).client(login).server(ok).client(prepared)
            .server(preparedOk, 2).bytes()));
  }
}
