package dev.chaosjunit.proxy.mongo;

import static dev.chaosjunit.proxy.mongo.MongoSessionTest.commands;
import static dev.chaosjunit.proxy.mongo.Wire.command;
import static dev.chaosjunit.proxy.mongo.Wire.concat;
import static dev.chaosjunit.proxy.mongo.Wire.msg;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.proxy.testkit.FuzzInput;
import dev.chaosjunit.proxy.testkit.SeedCorpus;
import dev.chaosjunit.proxy.testkit.SessionFuzzer;
import dev.chaosjunit.proxy.testkit.SessionFuzzer.RelayCheck;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MongoDB session under any bytes, both ways, with and without rules that fire on commands (see
 * {@link SessionFuzzer}). With no rule it relays byte for byte, but for a hello's compression offer.
 */
class MongoFuzzTest {

  private static final SessionFuzzer FUZZER = SessionFuzzer.of(new MongoInspector())
      .ruleSet(commands("insert", new Action.Error("91", "quiesce", Map.of("codeName", "ShutdownInProgress",
          "errorLabels", "RetryableWriteError"))))
      .ruleSet(commands("insert", new Action.Error("64", "", Map.of("kind", "writeConcernError"))),
          commands("*", new Action.Delay(Duration.ofMillis(5))))
      .ruleSet(commands("insert", new Action.Error("11000", "dup", Map.of("kind", "writeErrors"))),
          commands("find", new Action.Drop(DropMode.CLOSE)))
      .relayCheck(MongoFuzzTest::relaysAllButCompressionOffers);

  private static final byte[] COMPRESSION = "compression\0".getBytes(StandardCharsets.US_ASCII);

  @FuzzTest
  void session(byte[] input) throws Exception {
    FUZZER.run(input);
  }

  /** Byte for byte, but for the client's messages that offer compression, which reach the server shorter. */
  static void relaysAllButCompressionOffers(byte[] fromClient, byte[] fromServer, byte[] toServer, byte[] toClient) {
    RelayCheck.assertRelayed(toClient, fromServer, "to the client");
    if (indexOf(fromClient, COMPRESSION) < 0) {
      RelayCheck.assertRelayed(toServer, fromClient, "to the server");
    } else {
      assertThat(toServer.length).as("bytes relayed to the server, with no rule").isLessThanOrEqualTo(fromClient.length);
    }
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void seedsAreInTheCorpus() throws Exception {
    byte[] client = concat(Wire.query(1, MongoSessionTest.HELLO_WITH_COMPRESSION),
        msg(2, 0, MongoMessage.CHECKSUM_PRESENT, "{insert: 'orders', ordered: true, $db: 'shop'}", "documents", "{_id: 1}", "{_id: 2}"),
        command(3, "{find: 'orders', filter: {_id: 1}, $db: 'shop'}"),
        msg(4, 0, MongoMessage.MORE_TO_COME, "{insert: 'orders', writeConcern: {w: 0}, $db: 'shop'}", "documents", "{_id: 3}"),
        command(5, "{hello: 1, topologyVersion: {processId: {$oid: '000000000000000000000000'}, counter: {$numberLong: '0'}},"
            + " maxAwaitTimeMS: {$numberLong: '10000'}, $db: 'admin'}"));
    byte[] server = concat(Wire.reply(1, "{ismaster: true, maxWireVersion: 13, ok: 1.0}"),
        msg(8, 2, 0, "{n: 2, ok: 1.0}"),
        msg(9, 3, 0, "{cursor: {firstBatch: [{_id: 1}], id: {$numberLong: '0'}, ns: 'shop.orders'}, ok: 1.0}"),
        msg(10, 5, MongoMessage.MORE_TO_COME, "{isWritablePrimary: true, ok: 1.0}"),
        msg(11, 10, 0, "{isWritablePrimary: true, ok: 1.0}"));
    SeedCorpus.check(getClass(), "session", Map.of(
        "handshake-crud", FuzzInput.seed(0).client(client, 11).server(server, 7).bytes(),
        "command-error", FuzzInput.seed(1).client(client).server(server).bytes(),
        "write-concern-error-and-delays", FuzzInput.seed(2).client(client, 5).server(server).bytes(),
        "write-errors-and-close", FuzzInput.seed(3).client(client).server(server, 3).bytes()));
  }
}
