package dev.chaosjunit.proxy.mysql;

import static dev.chaosjunit.proxy.mysql.MyWire.packets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.testkit.Fragments;
import dev.chaosjunit.proxy.testkit.RecordingPort;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MysqlSessionTest {

  private static final Pattern TOKEN = Pattern.compile("chaos_junit_fault_\\d+_injected");
  private static final int SERVER_CAPABILITIES = 0xF7FF | MyWire.SSL | MyWire.QUERY_ATTRIBUTES | (1 << 24);

  private final RecordingPort port = new RecordingPort(new MysqlInspector());
  private final InspectorSession session = new MysqlInspector().open(new ConnectionInfo("db", 1, null, null));

  @AfterEach
  void close() {
    session.onClose();
  }

  @Test
  void greetingNoLongerOffersTlsOrQueryAttributes() {
    port.server(session, packets().greeting(SERVER_CAPABILITIES).bytes(), 1);

    int expected = SERVER_CAPABILITIES & ~MyWire.SSL & ~MyWire.QUERY_ATTRIBUTES;
    assertThat(port.takeClientBytes()).containsExactly(packets().greeting(expected).bytes());
  }

  @ParameterizedTest(name = "chunks of at most {0} bytes")
  @ValueSource(ints = {1, 2, 3, 7, 64, 4096})
  void relaysNonMatchingTrafficByteExactInAnyFragmentation(int maxChunk) {
    port.rule("sql", "DELETE*", Action.Error.of("1213", ""));
    byte[] client = packets().handshakeResponse(MyWire.PROTOCOL_41).query("select 1").prepare("insert into t values (?)")
        .execute(1).closeStatement(1).bytes();
    byte[] server = packets().ok(2).packet(1, new byte[] {1}).packet(2, new byte[] {3, 'd', 'e', 'f'})
        .ok(3).prepareOk(1, 1).ok(1).bytes();

    for (long seed = 1; seed <= 5; seed++) {
      InspectorSession fresh = new MysqlInspector().open(new ConnectionInfo("db", seed, null, null));
      fresh.onServerData(io.netty.buffer.Unpooled.wrappedBuffer(packets().greeting(0xF7FF).bytes()), port);
      port.takeClientBytes();
      Fragments.feed(client, maxChunk, seed, b -> fresh.onClientData(b, port));
      Fragments.feed(server, maxChunk, seed, b -> fresh.onServerData(b, port));
      fresh.onClose();
      assertThat(port.takeServerBytes()).containsExactly(client);
      assertThat(port.takeClientBytes()).containsExactly(server);
    }
    assertThat(port.passThroughReason()).isNull();
  }

  @Test
  void queryErrorIsAnsweredByTheServerInPlaceAndSwapped() {
    port.rule("sql", "insert into*", new Action.Error("1062", "Duplicate entry", Map.of("sqlstate", "23000")));
    connect();

    port.client(session, packets().query("INSERT INTO t VALUES (1)").bytes(), 1);
    String poison = poisonSentToServer();

    serverSends(packets().err(1, 1064, "42000", "You have an error near '" + poison + "' at line 1").bytes());
    assertThat(port.takeClientBytes()).containsExactly(packets().err(1, 1062, "23000", "Duplicate entry").bytes());
  }

  @Test
  void deadlockRollsBackFirstAndTheClientNeverSeesTheRollbacksAnswer() {
    port.rule("sql", "insert into*", new Action.Error("1213", "Deadlock found", Map.of("sqlstate", "40001")));
    connect();
    clientSends(packets().query("INSERT INTO t VALUES (1)").bytes());

    byte[] rollback = packets().query("ROLLBACK").bytes();
    byte[] sent = port.takeServerBytes();
    assertThat(sent).startsWith(rollback);
    String poison = TOKEN.matcher(new String(sent, StandardCharsets.UTF_8)).results().findFirst().orElseThrow().group();
    assertThat(sent).containsExactly(MyWire.concat(rollback, packets().query(poison).bytes()));

    serverSends(MyWire.concat(packets().ok(1).bytes(), packets().err(1, 1064, "42000", "near '" + poison + "'").bytes()));
    assertThat(port.takeClientBytes()).containsExactly(packets().err(1, 1213, "40001", "Deadlock found").bytes());
  }

  @Test
  void rollbackCanBeTurnedOffForADeadlockAndOnForAnotherError() {
    port.rule("sql", "insert into*", new Action.Error("1213", "", Map.of("rollback", "false")));
    port.rule("sql", "update*", new Action.Error("1205", "", Map.of("rollback", "true")));
    connect();

    clientSends(packets().query("INSERT INTO t VALUES (1)").bytes());
    poisonSentToServer();
    clientSends(packets().query("UPDATE t SET a = 1").bytes());
    assertThat(port.takeServerBytes()).startsWith(packets().query("ROLLBACK").bytes());
  }

  @Test
  void preparedStatementIsMatchedOnExecuteById() {
    connect();
    clientSends(packets().prepare("update t set a = ?").bytes());
    serverSends(packets().prepareOk(1, 42).packet(2, new byte[] {3, 'd', 'e', 'f'}).bytes());
    port.takeServerBytes();
    port.takeClientBytes();
    port.rule("sql", "UPDATE T SET A = ?", new Action.Error("1205", "", Map.of("sqlstate", "HY000")));

    clientSends(packets().execute(42).bytes());
    String poison = poisonSentToServer();
    serverSends(packets().err(1, 1064, "42000", "near '" + poison + "'").bytes());
    assertThat(port.takeClientBytes()).containsExactly(packets().err(1, 1205, "HY000", "injected by chaos-junit").bytes());

    clientSends(packets().closeStatement(42).execute(42).bytes());
    assertThat(new String(port.takeServerBytes(), StandardCharsets.UTF_8)).doesNotContain("chaos_junit_fault");
  }

  @Test
  void pipelinedPrepareAndExecuteUseTheLastPreparedStatement() {
    port.rule("sql", "DELETE*", new Action.Error("1213", "", Map.of("sqlstate", "40001")));
    connect();

    clientSends(packets().prepare("delete from t where id = ?").execute(-1).bytes());
    byte[] toServer = port.takeServerBytes();
    assertThat(toServer).startsWith(packets().prepare("delete from t where id = ?").bytes());
    assertThat(new String(toServer, StandardCharsets.UTF_8)).containsPattern(TOKEN);
  }

  @Test
  void cachingSha2FullAuthenticationAndAuthSwitchPassUntouched() {
    port.rule("sql", "SELECT*", new Action.Error("1213", "", Map.of("sqlstate", "40001")));
    serverSends(packets().greeting(0xF7FF).bytes());
    port.takeClientBytes();
    byte[] client = packets().handshakeResponse(MyWire.PROTOCOL_41).packet(3, new byte[] {'p', 'w', 0})
        .packet(5, new byte[] {2}).packet(7, new byte[256]).bytes();
    byte[] server = packets().packet(2, "\u00FEcaching_sha2_password\0salt".getBytes(StandardCharsets.ISO_8859_1))
        .packet(4, new byte[] {1, 4}).packet(6, "\u0001-----BEGIN PUBLIC KEY-----".getBytes(StandardCharsets.ISO_8859_1))
        .ok(8).bytes();
    clientSends(client);
    serverSends(server);
    assertThat(port.takeServerBytes()).containsExactly(client);
    assertThat(port.takeClientBytes()).containsExactly(server);

    clientSends(packets().query("select 1").bytes());
    assertThat(new String(port.takeServerBytes(), StandardCharsets.UTF_8)).containsPattern(TOKEN);
  }

  @Test
  void injectedErrorComesAfterTheResponsesToEarlierPipelinedCommands() {
    port.rule("sql", "INSERT*", new Action.Error("1213", "Deadlock", Map.of("sqlstate", "40001")));
    connect();
    clientSends(packets().query("SELECT 1").query("INSERT INTO t VALUES (1)").bytes());
    String poison = TOKEN.matcher(new String(port.takeServerBytes(), StandardCharsets.UTF_8)).results()
        .findFirst().orElseThrow().group();

    byte[] resultSet = packets().packet(1, new byte[] {1}).packet(2, new byte[] {3, 'd', 'e', 'f'})
        .packet(3, new byte[] {1, '1'}).packet(4, new byte[] {(byte) 0xFE, 0, 0, 2, 0, 0, 0}).bytes();
    byte[] rollbackOk = packets().ok(1).bytes();
    serverSends(MyWire.concat(MyWire.concat(resultSet, rollbackOk), packets().err(1, 1064, "42000", "near '" + poison + "'").bytes()));
    assertThat(port.takeClientBytes())
        .containsExactly(MyWire.concat(resultSet, packets().err(1, 1213, "40001", "Deadlock").bytes()));
  }

  @Test
  void multiStatementQueryKeepsTheStatementsBeforeTheMatchedOne() {
    port.rule("sql", "INSERT*", new Action.Error("1213", "", Map.of("sqlstate", "40001")));
    connect();
    clientSends(packets().query("SELECT 1; INSERT INTO t VALUES (1); SELECT 2").bytes());

    String sent = new String(port.takeServerBytes(), StandardCharsets.UTF_8);
    Matcher token = TOKEN.matcher(sent);
    assertThat(token.find()).isTrue();
    assertThat(sent).endsWith("SELECT 1;" + token.group());
  }

  @Test
  void respondAnswersOkWithoutExecuting() {
    port.rule("sql", "DELETE*", new Action.Respond(Map.of()));
    connect();
    clientSends(packets().query("DELETE FROM t").bytes());

    assertThat(port.takeServerBytes()).containsExactly(packets().query("DO 0").bytes());
  }

  @Test
  void delayHoldsTheStatementBack() {
    port.rule("sql", "SELECT*", new Action.Delay(Duration.ofMillis(1500)));
    connect();
    byte[] query = packets().query("SELECT 1").bytes();
    clientSends(query);

    assertThat(port.serverDelays()).filteredOn(d -> !d.isZero()).containsExactly(Duration.ofMillis(1500));
    assertThat(port.takeServerBytes()).containsExactly(query);
  }

  @Test
  void clientInsistingOnTlsDegradesToPlainRelay() {
    serverSends(packets().greeting(0xF7FF).bytes());
    byte[] sslRequest = packets().handshakeResponse(MyWire.PROTOCOL_41 | MyWire.SSL).bytes();
    clientSends(sslRequest);

    assertThat(port.passThroughReason()).contains("TLS");
    assertThat(port.takeServerBytes()).containsExactly(sslRequest);
  }

  @Test
  void truncatedCommandDegradesToPlainRelay() {
    connect();
    byte[] garbage = packets().packet(0, new byte[] {0x17, 1}).bytes();
    clientSends(garbage);

    assertThat(port.passThroughReason()).contains("client");
    assertThat(port.takeServerBytes()).containsExactly(garbage);
  }

  @Test
  void nonMysqlGreetingDegradesToPlainRelay() {
    byte[] greeting = packets().packet(0, new byte[] {9, 'x', 0}).bytes();
    serverSends(greeting);

    assertThat(port.passThroughReason()).contains("protocol version 9");
    assertThat(port.takeClientBytes()).containsExactly(greeting);
  }

  private void connect() {
    serverSends(packets().greeting(0xF7FF).bytes());
    clientSends(packets().handshakeResponse(MyWire.PROTOCOL_41).bytes());
    serverSends(packets().ok(2).bytes());
    port.takeServerBytes();
    port.takeClientBytes();
  }

  private void clientSends(byte[] bytes) {
    Fragments.feed(bytes, 5, 42, b -> session.onClientData(b, port));
  }

  private void serverSends(byte[] bytes) {
    Fragments.feed(bytes, 5, 43, b -> session.onServerData(b, port));
  }

  private String poisonSentToServer() {
    byte[] bytes = port.takeServerBytes();
    Matcher matcher = TOKEN.matcher(new String(bytes, StandardCharsets.UTF_8));
    assertThat(matcher.find()).as("a poison statement was sent").isTrue();
    assertThat(bytes).containsExactly(packets().query(matcher.group()).bytes());
    return matcher.group();
  }
}
