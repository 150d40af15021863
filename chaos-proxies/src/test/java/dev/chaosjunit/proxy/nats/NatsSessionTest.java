package dev.chaosjunit.proxy.nats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.testkit.RecordingPort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NatsSessionTest {

  static final String CONNECT = "CONNECT {\"verbose\":false,\"pedantic\":false,\"headers\":true,\"lang\":\"java\"}\r\n";
  static final String INFO = "INFO {\"server_id\":\"N1\",\"headers\":true,\"max_payload\":1048576}\r\n";

  private final NatsInspector inspector = new NatsInspector();
  private final InspectorSession session = inspector.open(new ConnectionInfo("bus", 1, null, null));
  private final RecordingPort port = new RecordingPort(inspector);

  @AfterEach
  void closeSession() {
    session.onClose();
  }

  static Rule publishes(String subject, Action action) {
    return new Rule("publishes", "", Direction.UPSTREAM, Map.of("subject", subject), action, 1, 0, 0);
  }

  static Rule deliveries(String subject, Action action) {
    return new Rule("deliveries", "", Direction.DOWNSTREAM, Map.of("subject", subject), action, 1, 0, 0);
  }

  static String pub(String subject, String payload) {
    return "PUB " + subject + " " + payload.length() + "\r\n" + payload + "\r\n";
  }

  static String hpub(String subject, String reply, String headers, String payload) {
    return "HPUB " + subject + " " + reply + " " + headers.length() + " " + (headers.length() + payload.length())
        + "\r\n" + headers + payload + "\r\n";
  }

  static String msg(String subject, String sid, String payload) {
    return "MSG " + subject + " " + sid + " " + payload.length() + "\r\n" + payload + "\r\n";
  }

  static String hmsg(String subject, String sid, String headers, String payload) {
    return "HMSG " + subject + " " + sid + " " + headers.length() + " " + (headers.length() + payload.length())
        + "\r\n" + headers + payload + "\r\n";
  }

  static final String HEADERS = "NATS/1.0\r\nTrace: 1\r\n\r\n";

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 2, 7, 4096})
  void relaysUnmatchedTrafficByteForByteAndMatchesEveryPublish(int size) {
    port.rule(publishes("audit.>", Action.Error.of("", "")));
    String requests = CONNECT + "PING\r\n" + "SUB orders.* 1\r\n" + "sub orders.> workers 2\r\n" + pub("orders.new", "PUB x 3\r\n")
        + hpub("orders.eu.new", "_INBOX.1", HEADERS, "{\"id\":7}") + "PUB empty 0\r\n\r\n" + "UNSUB 1 5\r\n" + "PONG\r\n";
    String replies = INFO + "PONG\r\n" + msg("orders.new", "1", "x\r\ny") + hmsg("orders.eu.new", "2", HEADERS, "{}")
        + "+OK\r\n" + "PING\r\n" + "-ERR 'Unknown Protocol Operation'\r\n";
    port.client(session, requests, size);
    port.server(session, replies, size);
    assertThat(port.sentToServer()).isEqualTo(requests);
    assertThat(port.sentToClient()).isEqualTo(replies);
    assertThat(port.requestFacts()).extracting(f -> f.get("subject"))
        .containsExactly(List.of("orders.new"), List.of("orders.eu.new"), List.of("empty"));
    assertThat(port.passThroughReason()).isNull();
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 3, 4096})
  void anErrorSwallowsThePublishWithItsPayloadAndSendsThePermissionsViolation(int size) {
    port.rule(publishes("orders.>", Action.Error.of("", "")));
    port.client(session, CONNECT + pub("orders.new", "PUB orders.new 1") + pub("audit", "kept")
        + hpub("orders.eu", "r", HEADERS, "lost") + "PING\r\n", size);
    assertThat(port.sentToServer()).isEqualTo(CONNECT + pub("audit", "kept") + "PING\r\n");
    assertThat(port.sentToClient()).isEqualTo("-ERR 'Permissions Violation for Publish to \"orders.new\"'\r\n"
        + "-ERR 'Permissions Violation for Publish to \"orders.eu\"'\r\n");
    assertThat(port.closedHow()).isNull();
  }

  @Test
  void anErrorWithAMessageSendsThatText() {
    port.rule(publishes("orders", Action.Error.of("", "Maximum Payload Violation")));
    port.client(session, pub("orders", "x"), 4096);
    assertThat(port.sentToClient()).isEqualTo("-ERR 'Maximum Payload Violation'\r\n");
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 4, 4096})
  void aDropRemovesPubAndHpubWithTheirPayloadsAlone(int size) {
    port.rule(publishes("orders.*", new Action.Drop(null)));
    port.client(session, CONNECT + pub("orders.new", "gone") + pub("orders.new.eu", "kept")
        + hpub("orders.old", "r", HEADERS, "gone too") + "PING\r\n", size);
    assertThat(port.sentToServer()).isEqualTo(CONNECT + pub("orders.new.eu", "kept") + "PING\r\n");
    assertThat(port.sentToClient()).isEmpty();
  }

  @Test
  void aVerboseClientGetsTheOkForADroppedPublish() {
    port.rule(publishes("orders", new Action.Drop(null)));
    port.client(session, CONNECT.replace("\"verbose\":false", "\"verbose\":true") + pub("orders", "gone"), 1);
    assertThat(port.sentToClient()).isEqualTo("+OK\r\n");
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 5, 4096})
  void aDropRemovesMsgAndHmsgWithTheirPayloadsAlone(int size) {
    port.rule(deliveries("orders.>", new Action.Drop(null)));
    port.server(session, INFO + msg("orders.new", "1", "gone") + msg("audit", "2", "kept")
        + hmsg("orders.eu.new", "3", HEADERS, "gone") + "PING\r\n", size);
    assertThat(port.sentToClient()).isEqualTo(INFO + msg("audit", "2", "kept") + "PING\r\n");
    assertThat(port.sentToServer()).isEmpty();
  }

  @Test
  void aDelayHoldsTheWholeMessageBack() {
    port.rule(publishes("orders", new Action.Delay(Duration.ofMillis(300))));
    port.client(session, pub("orders", "slow") + "PING\r\n", 3);
    assertThat(port.events()).containsSubsequence("delay:300", "server:" + pub("orders", "slow"), "server:PING\r\n");
  }

  @Test
  void publishesGoUnmatchedWhileNoRuleIsForThemAndAreMatchedOnceOneIs() {
    port.rule(deliveries("orders.>", new Action.Drop(null)));
    port.client(session, CONNECT + pub("orders.new", "x"), 4096);
    assertThat(port.requestFacts()).isEmpty();

    port.rule(publishes("audit.>", Action.Error.of("", "")));
    port.client(session, pub("orders.eu", "y") + hpub("orders.us", "r", HEADERS, "z"), 4096);

    assertThat(port.requestFacts()).extracting(f -> f.get("subject"))
        .containsExactly(List.of("orders.eu"), List.of("orders.us"));
    assertThat(port.sentToServer()).isEqualTo(CONNECT + pub("orders.new", "x") + pub("orders.eu", "y")
        + hpub("orders.us", "r", HEADERS, "z"));
  }

  @Test
  void aRepeatedSubjectIsDecodedOnceAndEveryOtherSubjectAfresh() {
    port.rule(publishes("audit.>", Action.Error.of("", "")));
    port.client(session, pub("orders.new", "a") + pub("orders.new", "b") + pub("orders.ne", "c")
        + pub("orders.new.eu", "d") + pub("orders.new", "e"), 4096);
    List<MessageFacts> facts = port.requestFacts();
    assertThat(facts).extracting(f -> f.get("subject")).containsExactly(List.of("orders.new"), List.of("orders.new"),
        List.of("orders.ne"), List.of("orders.new.eu"), List.of("orders.new"));
    assertThat(facts.get(1)).isSameAs(facts.get(0));
  }

  @Test
  void aDropWithAModeEndsTheConnection() {
    port.rule(deliveries("orders", new Action.Drop(DropMode.CLOSE)));
    port.server(session, INFO + msg("orders", "1", "x") + "PING\r\n", 4096);
    assertThat(port.closedHow()).isEqualTo("close");
    assertThat(port.sentToClient()).isEqualTo(INFO);
  }
}
