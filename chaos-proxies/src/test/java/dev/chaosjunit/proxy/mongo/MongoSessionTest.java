package dev.chaosjunit.proxy.mongo;

import static dev.chaosjunit.proxy.mongo.Wire.command;
import static dev.chaosjunit.proxy.mongo.Wire.concat;
import static dev.chaosjunit.proxy.mongo.Wire.msg;
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
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MongoSessionTest {

  static final String HELLO_WITH_COMPRESSION = "{isMaster: 1, helloOk: true, client: {driver: {name: 'x'}},"
      + " compression: ['zstd', 'zlib'], loadBalanced: false}";

  private final MongoInspector inspector = new MongoInspector();
  private final InspectorSession session = inspector.open(new ConnectionInfo("db", 1, null, null));
  private final RecordingPort port = new RecordingPort(inspector);

  @AfterEach
  void closeSession() {
    session.onClose();
  }

  static Rule commands(String command, Action action) {
    return new Rule("commands", "", Direction.UPSTREAM, Map.of("command", command), action, 1, 0, 0);
  }

  static Action.Error error(String code, String message, Map<String, String> params) {
    return new Action.Error(code, message, params);
  }

  /** The body of the OP_MSG {@code bytes}, which must be one message without document sequences. */
  static BsonDocument body(byte[] bytes) {
    assertThat(Wire.int32(bytes, 0)).isEqualTo(bytes.length);
    assertThat(Wire.int32(bytes, 12)).isEqualTo(MongoMessage.OP_MSG);
    assertThat(bytes[20]).isZero();
    return Wire.document(bytes, 21);
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 2, 7, 4096})
  void relaysUnmatchedTrafficByteForByteAndFindsCommandDatabaseAndCollection(int size) {
    port.rule(commands("delete", error("91", "", Map.of())));
    byte[] requests = concat(
        Wire.query(1, "{isMaster: 1, helloOk: true}"),
        command(2, "{insert: 'orders', ordered: true, $db: 'shop'}"),
        msg(3, 0, MongoMessage.CHECKSUM_PRESENT, "{insert: 'orders', $db: 'shop'}", "documents", "{_id: 1}", "{_id: 2}"),
        command(4, "{find: 'orders', filter: {n: {$gt: 1.5}}, limit: 1, $db: 'shop', lsid: {id: {$binary: {base64: 'AAAAAAAAAAAAAAAAAAAAAA==', subType: '04'}}}}"),
        command(5, "{getMore: {$numberLong: '7'}, collection: 'orders', $db: 'shop'}"),
        msg(6, 0, MongoMessage.MORE_TO_COME, "{insert: 'orders', writeConcern: {w: 0}, $db: 'shop'}", "documents", "{_id: 3}"));
    byte[] replies = concat(
        Wire.reply(1, "{ismaster: true, maxWireVersion: 13, ok: 1.0}"),
        msg(8, 2, 0, "{n: 0, ok: 1.0}"),
        msg(9, 3, MongoMessage.CHECKSUM_PRESENT, "{n: 2, ok: 1.0}"),
        msg(10, 4, 0, "{cursor: {firstBatch: [], id: {$numberLong: '0'}, ns: 'shop.orders'}, ok: 1.0}"));
    port.client(session, requests, size);
    port.server(session, replies, size);

    assertThat(port.takeServerBytes()).isEqualTo(requests);
    assertThat(port.takeClientBytes()).isEqualTo(replies);
    assertThat(port.requestFacts()).extracting(f -> List.of(f.get("command"), f.get("database"), f.get("collection")))
        .containsExactly(
            List.of(List.of("insert"), List.of("shop"), List.of("orders")),
            List.of(List.of("insert"), List.of("shop"), List.of("orders")),
            List.of(List.of("find"), List.of("shop"), List.of("orders")),
            List.of(List.of("getMore"), List.of("shop"), List.of()),
            List.of(List.of("insert"), List.of("shop"), List.of("orders")));
    assertThat(port.passThroughReason()).isNull();
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 3, 4096})
  void aCommandErrorAnswersTheRequestsIdInTheServersPlace(int size) {
    port.rule(commands("insert", error("91", "quiesce", Map.of("kind", "errorCode", "codeName", "ShutdownInProgress",
        "errorLabels", "RetryableWriteError,NoWritesPerformed"))));
    byte[] find = command(41, "{find: 'orders', $db: 'shop'}");
    port.client(session, concat(command(40, "{insert: 'orders', $db: 'shop'}"), find), size);

    assertThat(port.takeServerBytes()).isEqualTo(find);
    byte[] reply = port.takeClientBytes();
    assertThat(Wire.int32(reply, 8)).as("responseTo").isEqualTo(40);
    assertThat(body(reply)).isEqualTo(BsonDocument.parse("{ok: 0.0, errmsg: 'quiesce', code: 91, codeName: 'ShutdownInProgress',"
        + " errorLabels: ['RetryableWriteError', 'NoWritesPerformed']}"));
  }

  @Test
  void aWriteErrorAnswersWithWriteErrorsAndTheDefaultMessage() {
    port.rule(commands("insert", error("11000", "", Map.of("kind", "writeErrors"))));
    port.client(session, msg(5, 0, 0, "{insert: 'orders', $db: 'shop'}", "documents", "{_id: 1}"), 4096);

    assertThat(port.takeServerBytes()).isEmpty();
    byte[] reply = port.takeClientBytes();
    assertThat(Wire.int32(reply, 8)).isEqualTo(5);
    assertThat(body(reply)).isEqualTo(BsonDocument.parse(
        "{ok: 1.0, n: 0, writeErrors: [{index: 0, code: 11000, errmsg: 'injected by chaos-junit'}]}"));
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 5, 4096})
  void aWriteConcernErrorIsAddedToTheReplyOfItsCommandOnly(int size) {
    port.rule(commands("insert", error("64", "timed out", Map.of("kind", "writeConcernError", "codeName", "WriteConcernFailed",
        "errorLabels", "RetryableWriteError"))));
    byte[] insert = command(12, "{insert: 'orders', $db: 'shop'}");
    port.client(session, insert, size);
    byte[] other = msg(30, 11, 0, "{n: 1, ok: 1.0}");
    port.server(session, concat(other, msg(31, 12, MongoMessage.CHECKSUM_PRESENT, "{n: 1, ok: 1.0}")), size);

    assertThat(port.takeServerBytes()).as("the write runs").isEqualTo(insert);
    byte[] replies = port.takeClientBytes();
    assertThat(java.util.Arrays.copyOf(replies, other.length)).isEqualTo(other);
    byte[] rewritten = java.util.Arrays.copyOfRange(replies, other.length, replies.length);
    assertThat(Wire.int32(rewritten, 4)).isEqualTo(31);
    assertThat(Wire.int32(rewritten, 8)).isEqualTo(12);
    assertThat(Wire.int32(rewritten, 16)).as("the checksum is left out with its flag").isZero();
    assertThat(body(rewritten)).isEqualTo(BsonDocument.parse("{n: 1, ok: 1.0,"
        + " writeConcernError: {code: 64, codeName: 'WriteConcernFailed', errmsg: 'timed out'}, errorLabels: ['RetryableWriteError']}"));
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 4096})
  void theHandshakesCompressionOfferIsRemovedSoTheServerAgreesOnNone(int size) {
    port.client(session, concat(Wire.query(1, HELLO_WITH_COMPRESSION),
        msg(2, 0, MongoMessage.CHECKSUM_PRESENT, "{hello: 1, compression: ['zlib'], $db: 'admin'}")), size);

    byte[] sent = port.takeServerBytes();
    byte[] query = Wire.query(1, "{isMaster: 1, helloOk: true, client: {driver: {name: 'x'}}, loadBalanced: false}");
    assertThat(java.util.Arrays.copyOf(sent, query.length)).isEqualTo(query);
    assertThat(java.util.Arrays.copyOfRange(sent, query.length, sent.length))
        .isEqualTo(msg(2, 0, 0, "{hello: 1, $db: 'admin'}"));
    assertThat(port.requestFacts()).extracting(f -> f.get("command")).containsExactly(List.of("hello"));
  }

  @Test
  void aWildcardCommandNeverMatchesTheHandshakeOrMonitoring() {
    port.rule(commands("*", error("13", "", Map.of())));
    byte[] handshake = concat(command(1, "{hello: 1, $db: 'admin'}"), command(2, "{saslStart: 1, $db: 'admin'}"),
        command(3, "{isMaster: 1, $db: 'admin'}"));
    port.client(session, handshake, 4096);
    assertThat(port.takeServerBytes()).isEqualTo(handshake);

    port.rule(commands("hello", new Action.Drop(null)));
    port.client(session, command(4, "{hello: 1, $db: 'admin'}"), 4096);
    assertThat(port.closedHow()).isEqualTo("close");
  }

  @Test
  void anErrorOnARequestWithMoreToComeDropsItWithoutAReply() {
    port.rule(commands("insert", error("91", "", Map.of())));
    byte[] ping = command(8, "{ping: 1, $db: 'admin'}");
    port.client(session, concat(msg(7, 0, MongoMessage.MORE_TO_COME, "{insert: 'orders', $db: 'shop'}", "documents", "{_id: 1}"), ping), 2);

    assertThat(port.takeServerBytes()).isEqualTo(ping);
    assertThat(port.takeClientBytes()).isEmpty();
  }

  @Test
  void aDelayHoldsTheCommandAndACloseEndsTheConnection() {
    port.rule(commands("find", new Action.Delay(Duration.ofMillis(250))));
    port.rule(commands("delete", new Action.Drop(DropMode.RESET)));
    byte[] find = command(1, "{find: 'orders', $db: 'shop'}");
    port.client(session, find, 3);
    assertThat(port.takeServerBytes()).isEqualTo(find);
    assertThat(port.serverDelays()).containsExactly(Duration.ofMillis(250));

    port.client(session, command(2, "{delete: 'orders', $db: 'shop'}"), 3);
    assertThat(port.closedHow()).isEqualTo("reset");
    assertThat(port.takeServerBytes()).isEmpty();
  }
}
