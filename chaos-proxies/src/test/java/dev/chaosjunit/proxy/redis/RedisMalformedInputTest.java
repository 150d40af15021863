package dev.chaosjunit.proxy.redis;

import static dev.chaosjunit.proxy.redis.RedisSessionTest.cmd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.testkit.RecordingPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedisMalformedInputTest {

  private final RedisInspector inspector = new RedisInspector();
  private final InspectorSession session = inspector.open(new ConnectionInfo("cache", 1, null, null));
  private final RecordingPort port = new RecordingPort(inspector);

  @AfterEach
  void close() {
    session.onClose();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"*2\r\n:1\r\n$1\r\nx\r\n", "*x\r\n", "*1\r\n$3\r\nabcdef\r\n", "*1\r\n$99999999999\r\n"})
  void badCommandsDegradeToPassThroughAndForwardEverything(String bad) {
    String traffic = cmd("GET", "a") + bad + "trailing";
    port.client(session, traffic, 3);
    assertThat(port.passThroughReason()).startsWith("client sent bytes that are not a Redis command");
    assertThat(port.sentToServer()).isEqualTo(traffic.substring(0, Math.min(traffic.length(), port.sentToServer().length())));
    assertThat(traffic).startsWith(port.sentToServer());
    assertThat(port.sentToServer()).startsWith(cmd("GET", "a") + bad.substring(0, 2));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"?junk\r\n", "$-5\r\n", "*1\r\n$3\r\nab\r\n:1\r\n", ":1\r\n$abc\r\n"})
  void badRepliesDegradeToPassThroughAndForwardEverything(String bad) {
    port.client(session, cmd("GET", "a") + cmd("GET", "b"), 4096);
    port.server(session, bad, 1);
    assertThat(port.passThroughReason()).startsWith("server sent bytes that are not RESP");
    assertThat(bad).startsWith(port.sentToClient());
  }

  @Test
  void aCommandHeldIncompleteIsForwardedWhenTheServerSideGivesUp() {
    String traffic = cmd("GET", "a") + "*2\r\n$3\r\nGE";
    port.client(session, traffic, 4096);
    port.server(session, "?junk\r\n", 4096);
    assertThat(port.passThroughReason()).startsWith("server sent bytes that are not RESP");
    assertThat(port.sentToServer()).isEqualTo(traffic);
  }

  @Test
  void monitorSwitchesToPlainRelay() {
    port.client(session, cmd("MONITOR") + cmd("PING"), 4096);
    assertThat(port.passThroughReason()).contains("MONITOR");
    assertThat(port.sentToServer()).isEqualTo(cmd("MONITOR") + cmd("PING"));
  }

  @Test
  void inlineCommandsAndEmptyLinesAreForwarded() {
    port.client(session, "\r\nPING\r\nSET a  b\n", 1);
    port.server(session, "+PONG\r\n+OK\r\n", 1);
    assertThat(port.sentToServer()).isEqualTo("\r\nPING\r\nSET a  b\n");
    assertThat(port.sentToClient()).isEqualTo("+PONG\r\n+OK\r\n");
    assertThat(port.requestFacts()).hasSize(2);
    assertThat(port.passThroughReason()).isNull();
  }

  @Test
  void overlongInlineCommandDegradesToPassThrough() {
    String line = "GET " + "x".repeat(70_000);
    port.client(session, line, 8192);
    assertThat(port.passThroughReason()).contains("64 KiB");
    assertThat(port.sentToServer()).isEqualTo(line.substring(0, port.sentToServer().length()));
  }
}
