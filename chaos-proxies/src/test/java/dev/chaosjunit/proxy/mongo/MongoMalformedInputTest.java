package dev.chaosjunit.proxy.mongo;

import static dev.chaosjunit.proxy.mongo.Wire.command;
import static dev.chaosjunit.proxy.mongo.Wire.concat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.testkit.RecordingPort;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MongoMalformedInputTest {

  private final MongoInspector inspector = new MongoInspector();
  private final InspectorSession session = inspector.open(new ConnectionInfo("db", 1, null, null));
  private final RecordingPort port = new RecordingPort(inspector);

  @AfterEach
  void close() {
    session.onClose();
  }

  static byte[] with(byte[] message, int offset, int value) {
    byte[] copy = message.clone();
    copy[offset] = (byte) value;
    copy[offset + 1] = (byte) (value >> 8);
    copy[offset + 2] = (byte) (value >> 16);
    copy[offset + 3] = (byte) (value >> 24);
    return copy;
  }

  static byte[] withByte(byte[] message, int offset, int value) {
    byte[] copy = message.clone();
    copy[offset] = (byte) value;
    return copy;
  }

  static Stream<Arguments> badMessages() {
    byte[] find = command(1, "{find: 'orders', $db: 'shop'}");
    byte[] insert = Wire.msg(1, 0, 0, "{insert: 'o', $db: 's'}", "documents", "{}");
    return Stream.of(
        Arguments.of("GET / HTTP/1.1\r\n\r\n".getBytes(), "messageLength [542393671] is outside 20..48000000"),
        Arguments.of(with(find, 0, 3), "messageLength [3] is outside 20..48000000"),
        Arguments.of(with(find, 12, 2002), "opCode [2002] is not one this peer sends"),
        Arguments.of(with(find, 16, 4), "OP_MSG has unknown required flag bits [4]"),
        Arguments.of(withByte(find, 20, 2), "OP_MSG has a section of unknown kind [2]"),
        Arguments.of(with(find, 21, 500), "OP_MSG body has a document length [500] outside 5.." + (find.length - 21)),
        Arguments.of(withByte(find, find.length - 1, 1), "OP_MSG body has a document that does not end with a zero byte"),
        Arguments.of(withByte(find, 25, 0x20), "OP_MSG body has an element of unknown BSON type [32]"),
        Arguments.of(with(find, 31, 400), "OP_MSG body has a length [400] outside its document"),
        Arguments.of(with(insert, 52, 3), "OP_MSG document sequence has a size [3] outside 5..19"),
        Arguments.of(withByte(insert, insert.length - 1, 1), "OP_MSG document sequence has a document that does not end"),
        Arguments.of(Wire.message(1, 0, MongoMessage.OP_MSG, new byte[] {0, 0, 0, 0, 1, 5, 0, 0, 0, 0}),
            "OP_MSG has no body section"),
        Arguments.of(Wire.message(1, 0, MongoMessage.OP_QUERY, new byte[] {0, 0, 0, 0, 'a', 'b'}),
            "OP_QUERY has a name without its terminating zero"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badMessages")
  void badMessagesDegradeToPassThroughAndForwardEverything(byte[] bad, String reason) {
    port.rule("command", "delete", Action.Error.of("1", ""));
    byte[] traffic = concat(command(9, "{ping: 1, $db: 'admin'}"), bad, "trailing".getBytes());
    port.client(session, traffic, 1);
    assertThat(port.passThroughReason()).startsWith("client sent bytes that are not MongoDB wire messages: " + reason);
    assertThat(port.takeServerBytes()).isEqualTo(traffic);
  }
}
