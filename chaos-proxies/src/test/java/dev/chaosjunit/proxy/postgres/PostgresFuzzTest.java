package dev.chaosjunit.proxy.postgres;

import static dev.chaosjunit.proxy.postgres.PgWire.messages;
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
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL session under any bytes, both ways, with and without a rule that fires (see {@link
 * SessionFuzzer}). With no rule it relays byte for byte, except that it answers the client's SSLRequest and
 * GSSENCRequest itself ({@code N}) instead of passing them on (those it framed before it gave up framing).
 */
class PostgresFuzzTest {

  private static final SessionFuzzer FUZZER = SessionFuzzer.of(new PostgresInspector())
      .ruleSet(rule("*", Action.Error.of("53100", "disk full"), 0))
      .ruleSet(rule("INSERT*", Action.Error.of("40P01", "deadlock detected"), 1), rule("*", new Action.Delay(Duration.ofMillis(5)), 0))
      .ruleSet(rule("SELECT*", new Action.Drop(DropMode.CLOSE), 1), rule("*", new Action.Drop(DropMode.RESET), 2))
      .relayCheck(PostgresFuzzTest::relaysAllButEncryptionRequests);

  private static Rule rule(String sql, Action action, long after) {
    return new Rule("r-" + sql, "", Direction.UPSTREAM, Map.of("sql", sql), action, 1, after, 0);
  }

  @FuzzTest
  void session(byte[] input) throws Exception {
    FUZZER.run(input);
  }

  /**
   * The server gets the client's bytes without the leading encryption requests the session declined: all of
   * them, or the first {@code k} when it gave up framing (say, on server bytes it cannot frame) before the
   * others were complete, after which it relays them for the server to answer.
   */
  private static void relaysAllButEncryptionRequests(byte[] fromClient, byte[] fromServer, byte[] toServer, byte[] toClient) {
    ByteBuffer client = ByteBuffer.wrap(fromClient);
    List<Integer> afterDeclined = new ArrayList<>(List.of(0));
    while (client.remaining() >= 8) {
      int length = client.getInt(client.position());
      int code = client.getInt(client.position() + 4);
      boolean encryption = code == PgMessages.SSL_REQUEST || code == PgMessages.GSSENC_REQUEST;
      if (!encryption || length < 8 || length > PgMessages.MAX_STARTUP_LENGTH || length > client.remaining()) {
        break;
      }
      client.position(client.position() + length);
      afterDeclined.add(client.position());
    }
    int declined = afterDeclined.size() - 1;
    int k = declined;
    while (k > 0 && !relayedFrom(toServer, fromClient, afterDeclined.get(k))) {
      k--;
    }
    RelayCheck.assertRelayed(toServer, Arrays.copyOfRange(fromClient, afterDeclined.get(k), fromClient.length),
        "to the server (all but the " + k + " encryption requests declined)");
    assertThat(toClient.length).as("bytes to the client: the server's and one N per encryption request")
        .isLessThanOrEqualTo(fromServer.length + k);
    assertThat(RelayCheck.withExtra(toClient, fromServer, (byte) 'N'))
        .as("bytes relayed to the client are the server's, with an N per encryption request").isTrue();
  }

  private static boolean relayedFrom(byte[] toServer, byte[] fromClient, int offset) {
    return toServer.length <= fromClient.length - offset
        && Arrays.equals(toServer, Arrays.copyOfRange(fromClient, offset, offset + toServer.length));
  }

  @Test
  void seedsAreInTheCorpus() throws Exception {
    byte[] startup = messages().sslRequest().startup("app").bytes();
    byte[] ready = messages().authenticationOk().readyForQuery('I').bytes();
    byte[] simple = messages().query("BEGIN; INSERT INTO t VALUES (1); COMMIT").bytes();
    byte[] simpleDone = messages().commandComplete("BEGIN").commandComplete("INSERT 0 1").commandComplete("COMMIT")
        .readyForQuery('I').bytes();
    byte[] extended = messages().parse("S_1", "insert into t values ($1)").bind("", "S_1").describePortal("")
        .execute("").sync().bytes();
    byte[] extendedDone = messages().parseComplete().bindComplete().noData().commandComplete("INSERT 0 1")
        .readyForQuery('I').bytes();
    byte[] select = messages().query("select * from t").bytes();
    byte[] failed = messages().error("ERROR", "42P01", "relation \"t\" does not exist").readyForQuery('I').bytes();
    byte[] copy = messages().query("COPY t FROM STDIN").copyData("1\tx\n").bytes();
    SeedCorpus.check(getClass(), "session", Map.of(
        "startup", FuzzInput.seed(0).client(messages().sslRequest().bytes()).client(messages().startup("app").bytes(), 3)
            .server(ready, 1).bytes(),
        "simple-query", FuzzInput.seed(0).client(startup).server(ready).client(simple).server(simpleDone).bytes(),
        "simple-query-error", FuzzInput.seed(1).client(startup).server(ready).client(simple, 7).server(simpleDone).bytes(),
        "extended-query", FuzzInput.seed(0).client(startup).server(ready).client(extended, 5).server(extendedDone, 3).bytes(),
        "extended-query-deadlock", FuzzInput.seed(2).client(startup).server(ready).client(extended).client(extended)
            .server(extendedDone).server(extendedDone).bytes(),
        "select-drop", FuzzInput.seed(3).client(startup).server(ready).client(select).server(failed).client(select).bytes(),
        "copy", FuzzInput.seed(0).client(startup).server(ready).client(copy).server(failed).bytes()));
  }
}
