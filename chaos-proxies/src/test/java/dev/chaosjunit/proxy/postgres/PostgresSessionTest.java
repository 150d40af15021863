package dev.chaosjunit.proxy.postgres;

import static dev.chaosjunit.proxy.postgres.PgWire.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.DropMode;
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

class PostgresSessionTest {

  private static final Pattern TOKEN = Pattern.compile("chaos_junit_fault_\\d+_injected");

  private final RecordingPort port = new RecordingPort(new PostgresInspector());
  private final InspectorSession session =
      new PostgresInspector().open(new ConnectionInfo("db", 1, null, null));

  @AfterEach
  void close() {
    session.onClose();
  }

  @Test
  void declinesSslAndGssEncryptionWithoutTellingTheServer() {
    byte[] startup = messages().startup("app").bytes();
    port.client(session, messages().sslRequest().bytes(), 1);
    port.client(session, startup, 1);

    assertThat(port.takeClientBytes()).containsExactly('N');
    assertThat(port.takeServerBytes()).containsExactly(startup);
  }

  @ParameterizedTest(name = "chunks of at most {0} bytes")
  @ValueSource(ints = {1, 2, 3, 7, 64, 4096})
  void relaysNonMatchingTrafficByteExactInAnyFragmentation(int maxChunk) {
    port.rule("sql", "DELETE*", Action.Error.of("53100", ""));
    byte[] client = messages().startup("app").query("select 1").parse("S_1", "insert into t values ($1)")
        .bind("", "S_1").describePortal("").execute("").sync().copyData("1\tx\n").bytes();
    byte[] server = messages().authenticationOk().readyForQuery('I').parseComplete().bindComplete().noData()
        .commandComplete("INSERT 0 1").readyForQuery('I').bytes();

    for (long seed = 1; seed <= 5; seed++) {
      InspectorSession fresh = new PostgresInspector().open(new ConnectionInfo("db", seed, null, null));
      Fragments.feed(client, maxChunk, seed, b -> fresh.onClientData(b, port));
      Fragments.feed(server, maxChunk, seed, b -> fresh.onServerData(b, port));
      fresh.onClose();
      assertThat(port.takeServerBytes()).containsExactly(client);
      assertThat(port.takeClientBytes()).containsExactly(server);
    }
    assertThat(port.passThroughReason()).isNull();
    assertThat(port.requestFacts()).extracting(f -> f.get("sql").get(0))
        .startsWith("SELECT ?", "INSERT INTO T VALUES (?)");
    assertThat(port.requestFacts().get(1).get("command")).containsExactly("INSERT");
  }

  @Test
  void largeMessagesStreamThroughWithoutWaitingForTheirEnd() {
    connect();
    byte[] row = messages().raw('D', 0, 1, 0, 0).raw(new int[0x10000 - 4]).bytes();
    byte[] copy = messages().copyData("x".repeat(0x10000)).bytes();

    session.onServerData(io.netty.buffer.Unpooled.wrappedBuffer(row, 0, 1000), port);
    session.onClientData(io.netty.buffer.Unpooled.wrappedBuffer(copy, 0, 1000), port);
    assertThat(port.takeClientBytes()).hasSize(1000);
    assertThat(port.takeServerBytes()).hasSize(1000);

    Fragments.feed(java.util.Arrays.copyOfRange(row, 1000, row.length), 4096, 1, b -> session.onServerData(b, port));
    Fragments.feed(java.util.Arrays.copyOfRange(copy, 1000, copy.length), 4096, 2, b -> session.onClientData(b, port));
    serverSends(messages().readyForQuery('I').bytes());
    assertThat(port.takeClientBytes()).hasSize(row.length - 1000 + 6);
    assertThat(port.takeServerBytes()).hasSize(copy.length - 1000);
  }

  @Test
  void simpleQueryErrorIsAnsweredByTheServerInPlaceAndSwapped() {
    port.rule("sql", "insert into*", Action.Error.of("53100", "disk full"));
    connect();

    port.client(session, messages().query("INSERT INTO t VALUES (1)").bytes(), 1);
    String poison = poisonSentToServer();
    assertThat(port.takeServerBytes()).isEmpty();
    assertThat(poison).doesNotContain("INSERT");

    serverSends(messages().error("ERROR", "42601", "syntax error at or near \"" + poison + "\"")
        .readyForQuery('T').bytes());
    assertThat(port.takeClientBytes()).containsExactly(
        messages().error("ERROR", "53100", "disk full").readyForQuery('T').bytes());
  }

  @Test
  void multiStatementQueryKeepsTheStatementsBeforeTheMatchedOne() {
    port.rule("sql", "INSERT*", Action.Error.of("53100", ""));
    connect();
    clientSends(messages().query("BEGIN; INSERT INTO t VALUES (1); COMMIT").bytes());

    byte[] toServer = port.takeServerBytes();
    assertThat(toServer).containsExactly(messages().query("BEGIN;" + token(toServer)).bytes());
    assertThat(port.requestFacts().get(0).get("command")).containsExactly("BEGIN", "INSERT", "COMMIT");
  }

  @Test
  void extendedProtocolErrorReplacesTheExecuteAndKeepsEarlierResponses() {
    port.rule("sql", "INSERT*", Action.Error.of("40P01", "deadlock detected"));
    connect();
    byte[] head = messages().parse("", "insert into t values ($1)").bind("", "").describePortal("").bytes();
    byte[] sync = messages().sync().bytes();

    port.client(session, PgWire.concat(head, messages().execute("").bytes(), sync), 1);
    byte[] toServer = port.takeServerBytes();
    String poison = token(toServer);
    assertThat(toServer).containsExactly(PgWire.concat(head, messages().parse("", poison).bytes(), sync));

    byte[] earlier = messages().parseComplete().bindComplete().noData().bytes();
    serverSends(PgWire.concat(earlier, messages().error("ERROR", "42601", "syntax error at or near \"" + poison + "\"")
        .readyForQuery('E').bytes()));
    assertThat(port.takeClientBytes()).containsExactly(PgWire.concat(earlier,
        messages().error("ERROR", "40P01", "deadlock detected").readyForQuery('E').bytes()));
  }

  @Test
  void namedStatementIsMatchedWhenExecutedLater() {
    connect();
    clientSends(messages().parse("S_7", "update t set a = $1").bind("", "S_7").execute("").sync().bytes());
    port.takeServerBytes();
    port.rule("sql", "UPDATE T SET*", Action.Error.of("55P03", ""));

    clientSends(messages().bind("", "S_7").execute("").sync().bytes());
    assertThat(token(port.takeServerBytes())).isNotEmpty();

    clientSends(messages().close('S', "S_7").bind("", "S_7").execute("").sync().bytes());
    assertThat(new String(port.takeServerBytes(), StandardCharsets.UTF_8)).doesNotContain("chaos_junit_fault");
  }

  @Test
  void fatalSeverityClosesTheConnectionAfterTheError() {
    port.rule("sql", "SELECT*", new Action.Error("57P01", "bye", Map.of("severity", "FATAL")));
    connect();
    clientSends(messages().query("select 1").bytes());
    String poison = poisonSentToServer();

    serverSends(messages().error("ERROR", "42601", "at or near \"" + poison + "\"").readyForQuery('I').bytes());
    assertThat(port.takeClientBytes()).containsExactly(messages().error("FATAL", "57P01", "bye").bytes());
    assertThat(port.closedHow()).isEqualTo("close");
  }

  @Test
  void unrelatedServerErrorsPassUnchanged() {
    port.rule("sql", "SELECT*", Action.Error.of("53100", ""));
    connect();
    clientSends(messages().query("select 1").bytes());
    port.takeServerBytes();
    byte[] aborted = messages().error("ERROR", "25P02", "current transaction is aborted").readyForQuery('E').bytes();

    serverSends(aborted);
    assertThat(port.takeClientBytes()).containsExactly(aborted);
  }

  @Test
  void delayHoldsTheStatementBack() {
    port.rule("sql", "SELECT*", new Action.Delay(Duration.ofMillis(2000)));
    connect();
    byte[] query = messages().query("SELECT 1").bytes();
    clientSends(query);

    assertThat(port.serverDelays()).filteredOn(d -> !d.isZero()).containsExactly(Duration.ofSeconds(2));
    assertThat(port.takeServerBytes()).containsExactly(query);
  }

  @ParameterizedTest
  @ValueSource(strings = {"close", "reset", "blackhole"})
  void dropStopsTheConnection(String mode) {
    port.rule("sql", "SELECT*", new Action.Drop(DropMode.of(mode)));
    connect();
    clientSends(messages().query("SELECT 1").query("SELECT 2").bytes());

    assertThat(port.closedHow()).isEqualTo(mode);
    assertThat(port.takeServerBytes()).isEmpty();
    serverSends(messages().readyForQuery('I').bytes());
    assertThat(port.takeClientBytes()).isEmpty();
  }

  @Test
  void malformedLengthDegradesToPlainRelay() {
    connect();
    byte[] garbage = messages().raw('Q', 0, 0, 0, 2, 'x', 'y').bytes();
    port.client(session, garbage, 1);

    assertThat(port.passThroughReason()).contains("client", "length 2");
    assertThat(port.takeServerBytes()).containsExactly(garbage);
    clientSends(new byte[] {1, 2, 3});
    assertThat(port.takeServerBytes()).containsExactly(1, 2, 3);
  }

  @Test
  void unterminatedStringDegradesToPlainRelay() {
    connect();
    byte[] garbage = messages().raw('Q', 0, 0, 0, 6, 'a', 'b').bytes();
    clientSends(garbage);

    assertThat(port.passThroughReason()).contains("NUL");
    assertThat(port.takeServerBytes()).containsExactly(garbage);
  }

  @Test
  void unknownStartupCodeDegradesToPlainRelay() {
    byte[] http = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    clientSends(http);

    assertThat(port.passThroughReason()).contains("startup");
    assertThat(port.takeServerBytes()).containsExactly(http);
  }

  private void connect() {
    clientSends(messages().startup("app").bytes());
    serverSends(messages().authenticationOk().readyForQuery('I').bytes());
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
    String token = token(bytes);
    assertThat(bytes).containsExactly(messages().query(token).bytes());
    return token;
  }

  private static String token(byte[] bytes) {
    Matcher matcher = TOKEN.matcher(new String(bytes, StandardCharsets.UTF_8));
    assertThat(matcher.find()).as("a poison statement was sent").isTrue();
    return matcher.group();
  }
}
