package dev.chaosjunit.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.testkit.RecordingPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpMalformedInputTest {

  private final HttpInspector inspector = new HttpInspector();
  private final InspectorSession session = inspector.open(new ConnectionInfo("web", 1, null, null));
  private final RecordingPort port = new RecordingPort(inspector);

  @AfterEach
  void close() {
    session.onClose();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\r\n\r\n",
      "GET / SPDY/3\r\n\r\n",
      "POST / HTTP/1.1\r\nContent-Length: ten\r\n\r\n",
      "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      "GET / HTTP/1.1\r\n bad folded\r\n\r\n"})
  void badRequestsDegradeToPassThroughAndForwardEverything(String bad) {
    String traffic = HttpSessionTest.GET_A + bad + "rest";
    port.client(session, traffic, 3);
    assertThat(port.passThroughReason()).startsWith("client sent bytes that are not HTTP/1.1");
    assertThat(traffic).startsWith(port.sentToServer());
    assertThat(port.sentToServer()).startsWith(HttpSessionTest.GET_A + bad.substring(0, 3));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"SSH-2.0-OpenSSH\r\n\r\n", "HTTP/1.1 2OO OK\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 1, 2\r\n\r\n"})
  void badResponsesDegradeToPassThroughAndForwardEverything(String bad) {
    port.client(session, HttpSessionTest.GET_A, 4096);
    port.server(session, bad, 1);
    assertThat(port.passThroughReason()).startsWith("server sent bytes that are not HTTP/1.1");
    assertThat(bad).startsWith(port.sentToClient());
  }

  @Test
  void aHeadHeldIncompleteIsForwardedWhenTheServerSideGivesUp() {
    String traffic = HttpSessionTest.GET_A + "GET /b HTTP/1.1\r\nHo";
    port.client(session, traffic, 4096);
    port.server(session, "SSH-2.0-OpenSSH\r\n\r\n", 4096);
    assertThat(port.passThroughReason()).startsWith("server sent bytes that are not HTTP/1.1");
    assertThat(port.sentToServer()).isEqualTo(traffic);
  }

  @Test
  void overlongHeadDegradesToPassThrough() {
    String head = "GET / HTTP/1.1\r\nX: " + "y".repeat(70_000);
    port.client(session, head, 8192);
    assertThat(port.passThroughReason()).contains("64 KiB");
    assertThat(port.sentToServer()).isEqualTo(head.substring(0, port.sentToServer().length()));
  }

  @Test
  void responseWithoutLengthRunsUntilClose() {
    port.client(session, HttpSessionTest.GET_A, 4096);
    port.server(session, "HTTP/1.0 200 OK\r\n\r\nstream of bytes", 2);
    assertThat(port.sentToClient()).isEqualTo("HTTP/1.0 200 OK\r\n\r\nstream of bytes");
    assertThat(port.passThroughReason()).isNull();
  }
}
