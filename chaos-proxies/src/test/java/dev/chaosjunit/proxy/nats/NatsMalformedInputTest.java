package dev.chaosjunit.proxy.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.testkit.RecordingPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NatsMalformedInputTest {

  private final NatsInspector inspector = new NatsInspector();
  private final InspectorSession session = inspector.open(new ConnectionInfo("bus", 1, null, null));
  private final RecordingPort port = new RecordingPort(inspector);

  @AfterEach
  void close() {
    session.onClose();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      GET / HTTP/1.1\\r\\n                 | [GET] is not a NATS operation this peer sends
      MSG a 1 3\\r\\nabc\\r\\n             | [MSG] is not a NATS operation this peer sends
      PUB a\\r\\n                          | PUB has 1 arguments instead of 2 or 3
      PUB a b c d\\r\\n                    | PUB has 4 arguments instead of 2 or 3
      PUB a x\\r\\n                        | PUB has a size [x] that is not a number
      PUB a -1\\r\\n                       | PUB has a size [-1] that is not a number
      PUB a 67108865\\r\\n                 | PUB has a size [67108865] above 67108864
      HPUB a 9 4\\r\\n                     | HPUB has a header size [9] above its total size [4]
      """)
  void badControlLinesDegradeToPassThroughAndForwardEverything(String bad, String reason) {
    port.rule(NatsSessionTest.publishes(">", new Action.Drop(null)));
    String traffic = NatsSessionTest.CONNECT + bad.replace("\\r\\n", "\r\n") + "trailing";
    port.client(session, traffic, 4096);
    assertThat(port.passThroughReason()).isEqualTo("client sent bytes that are not NATS: " + reason);
    assertThat(port.sentToServer()).isEqualTo(traffic);
  }

  @Test
  void anUnknownOperationIsRefusedFromItsFirstByte() {
    port.client(session, "GET / HTTP/1.1\r\n", 1);
    assertThat(port.passThroughReason()).isEqualTo("client sent bytes that are not NATS: [G] is not a NATS operation this peer sends");
    assertThat(port.sentToServer()).isEqualTo("GET / HTTP/1.1\r\n");
  }

  @Test
  void aTlsHandshakeIsRelayedAtOnceWithoutWaitingForALineEnd() {
    String clientHello = "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u00fc\u0003\u0003";
    port.client(session, NatsSessionTest.CONNECT + clientHello.substring(0, 1), 4096);
    assertThat(port.passThroughReason()).isEqualTo("client sent bytes that are not NATS: [\u0016] is not a NATS operation this peer sends");
    port.client(session, clientHello.substring(1), 4096);
    assertThat(port.sentToServer()).isEqualTo(NatsSessionTest.CONNECT + clientHello);
  }

  @Test
  void aPayloadLongerThanAnnouncedIsCaughtWhenAFiredRuleReadsIt() {
    port.rule(NatsSessionTest.publishes("a", new Action.Drop(null)));
    String traffic = "PUB a 2\r\nabc\r\nPING\r\n";
    port.client(session, traffic, 1);
    assertThat(port.passThroughReason())
        .isEqualTo("client sent bytes that are not NATS: PUB on [a] has no CRLF after its payload of the announced size");
    assertThat(port.sentToServer()).isEqualTo(traffic);
  }

  @Test
  void aControlLineWithoutEndIsBoundedAndServerGarbageDegradesToo() {
    port.server(session, "+OK\r\n" + "HMSG a 1 x 4\r\n", 4096);
    assertThat(port.passThroughReason()).isEqualTo("server sent bytes that are not NATS: HMSG has a size [x] that is not a number");
    InspectorSession other = inspector.open(new ConnectionInfo("bus", 2, null, null));
    RecordingPort otherPort = new RecordingPort(inspector);
    otherPort.client(other, "PUB " + "a".repeat(NatsOp.MAX_LINE), 1 << 16);
    assertThat(otherPort.passThroughReason()).isEqualTo("client sent bytes that are not NATS: control line longer than 1048576 bytes");
    other.onClose();
  }
}
