package dev.chaosjunit.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.testkit.RecordingPort;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpSessionTest {

  static final String GET_A = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n";
  static final String GET_B = "GET /b?q=1 HTTP/1.1\r\nHost: x\r\n\r\n";
  static final String DOWN = "GET /api/down HTTP/1.1\r\nHost: x\r\nX-Test: yes\r\n\r\n";
  static final String OK_A = "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nA";
  static final String OK_B = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2;ext=1\r\nBB\r\n0\r\nX-Trailer: t\r\n\r\n";
  static final String UNAVAILABLE = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
      + "Content-Length: 4\r\nRetry-After: 7\r\n\r\nbusy";

  private final HttpInspector inspector = new HttpInspector();
  private final InspectorSession session = inspector.open(new ConnectionInfo("web", 1, null, null));
  private final RecordingPort port = new RecordingPort(inspector);

  @AfterEach
  void close() {
    session.onClose();
  }

  static Rule rule(Map<String, String> match, Action action) {
    return new Rule("r", "", Direction.UPSTREAM, match, action, 1, 0, 0);
  }

  static Rule unavailable(String key, String glob) {
    return rule(Map.of(key, glob), new Action.Error("503", "busy", Map.of("header.Retry-After", "7")));
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 5, 4096})
  void relaysPipelinedChunkedAndHeadTrafficByteForByte(int size) {
    port.rule(unavailable("path", "/nowhere/**"));
    String requests = GET_A + "POST /up HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
        + "HEAD /h HTTP/1.1\r\n\r\n" + GET_B;
    String responses = OK_A + "HTTP/1.1 204 No Content\r\n\r\n"
        + "HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n" + OK_B;
    port.client(session, requests, size);
    port.server(session, responses, size);
    assertThat(port.sentToServer()).isEqualTo(requests);
    assertThat(port.sentToClient()).isEqualTo(responses);
    assertThat(port.requestFacts()).extracting(f -> f.get("path").get(0)).containsExactly("/a", "/up", "/h", "/b");
    assertThat(port.passThroughReason()).isNull();
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 5, 4096})
  void injectedErrorTakesTheRequestsPlaceAmongPipelinedResponses(int size) {
    port.rule(unavailable("path", "/api/*"));
    port.client(session, GET_A + DOWN + GET_B, size);
    assertThat(port.sentToServer()).isEqualTo(GET_A + GET_B);
    assertThat(port.sentToClient()).isEmpty();
    port.server(session, OK_A + OK_B, size);
    assertThat(port.sentToClient()).isEqualTo(OK_A + UNAVAILABLE + OK_B);
    assertThat(port.events()).doesNotContain("close");
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 4096})
  void bodyOfAnAnsweredRequestIsDiscarded(int size) {
    port.rule(unavailable("method", "PUT"));
    String put = "PUT /x HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello";
    String chunkedPut = "PUT /y HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
    port.client(session, put + chunkedPut + GET_A, size);
    port.server(session, OK_A, size);
    assertThat(port.sentToServer()).isEqualTo(GET_A);
    assertThat(port.sentToClient()).isEqualTo(UNAVAILABLE + UNAVAILABLE + OK_A);
  }

  @Test
  void headerMatchIgnoresCaseAndInjectedResponseToHeadHasNoBody() {
    port.rule(unavailable("header.x-test", "yes"));
    port.client(session, DOWN.replace("GET", "HEAD"), 4096);
    assertThat(port.sentToClient()).isEqualTo(UNAVAILABLE.substring(0, UNAVAILABLE.length() - 4));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Connection: close\r\n", "Expect: 100-continue\r\nContent-Length: 3\r\n"})
  void injectedResponseClosesWhenTheClientAskedOrHoldsTheBody(String header) {
    port.rule(unavailable("path", "/api/down"));
    port.client(session, DOWN.replace("\r\n\r\n", "\r\n" + header + "\r\n"), 4096);
    assertThat(port.sentToClient()).isEqualTo(UNAVAILABLE.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"));
    assertThat(port.events()).endsWith("close");
  }

  @Test
  void respondDefaultsTo200WithTheGivenBody() {
    port.rule(rule(Map.of("path", "/a"),
        new Action.Respond(Map.of("message", "{}", "header.Content-Type", "application/json"))));
    port.client(session, GET_A, 4096);
    assertThat(port.sentToClient())
        .isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}");
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 5, 4096})
  void rewritesTheHeadsOfTheMatchingResponsesOnlyAndLeavesInterimResponsesAndBodiesAsSent(int size) {
    port.rule(rule(Map.of("path", "/a"), new Action.Rewrite(Map.of("header.Cache-Control", "no-store",
        "header.Retry-After", "3", "remove", "content-type"))));
    String early = "HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\nContent-Type: text/css\r\n\r\n";
    String lengthA = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nRetry-After: 60\r\nContent-Length: 1\r\n\r\nA";
    String chunkedA = "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\nCache-Control: max-age=60\ncache-control: public\n"
        + "Content-Type: text/plain\n\n2\r\nAA\r\n0\r\nContent-Type: trailer\r\n\r\n";
    port.client(session, GET_A + GET_B + GET_A, size);
    port.server(session, early + lengthA + OK_B + chunkedA, size);

    assertThat(port.sentToServer()).isEqualTo(GET_A + GET_B + GET_A);
    assertThat(port.sentToClient()).isEqualTo(early
        + "HTTP/1.1 200 OK\r\nRetry-After: 3\r\nContent-Length: 1\r\nCache-Control: no-store\r\n\r\nA" + OK_B
        + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nCache-Control: no-store\r\nRetry-After: 3\r\n\r\n"
        + "2\r\nAA\r\n0\r\nContent-Type: trailer\r\n\r\n");
    assertThat(port.passThroughReason()).isNull();
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 4096})
  void expectContinueInterimResponsesPassThrough(int size) {
    String head = "POST /up HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n";
    port.client(session, head, size);
    port.server(session, "HTTP/1.1 100 Continue\r\n\r\n", size);
    port.client(session, "abc" + GET_A, size);
    port.server(session, OK_A + OK_A, size);
    assertThat(port.sentToServer()).isEqualTo(head + "abc" + GET_A);
    assertThat(port.sentToClient()).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n" + OK_A + OK_A);
  }

  @Test
  void switchingProtocolsEndsInspection() {
    String upgrade = "GET /ws HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n";
    port.client(session, upgrade, 4096);
    port.server(session, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\u0081\u0002hi", 4096);
    assertThat(port.sentToClient()).endsWith("\r\n\r\n\u0081\u0002hi");
    assertThat(port.passThroughReason()).contains("101");
  }

  @Test
  void delayHoldsTheRequestBack() {
    port.rule(rule(Map.of("path", "/a"), new Action.Delay(Duration.ofMillis(300))));
    port.client(session, GET_B + GET_A, 4096);
    assertThat(port.events()).containsExactly("server:" + GET_B, "delay:300", "server:" + GET_A);
  }

  @ParameterizedTest(name = "mode {0}")
  @ValueSource(strings = {"close", "reset", "blackhole"})
  void dropStopsTheConnection(String mode) {
    port.rule(rule(Map.of("path", "/api/**"), new Action.Drop(DropMode.of(mode))));
    port.client(session, GET_A + DOWN + GET_B, 4096);
    port.server(session, OK_A, 4096);
    assertThat(port.sentToServer()).isEqualTo(GET_A);
    assertThat(port.events()).endsWith(mode);
    assertThat(port.sentToClient()).isEmpty();
  }

  @Test
  void factsCarryMethodPathAndLowerCaseHeaderNames() {
    port.client(session, "OPTIONS http://host:8080/p/q?x#f HTTP/1.1\r\ncontent-TYPE: a\r\n\r\n", 4096);
    assertThat(port.requestFacts().get(0).get("path")).containsExactly("/p/q");
    assertThat(port.requestFacts().get(0).get("method")).containsExactly("OPTIONS");
    assertThat(port.requestFacts().get(0).get("header.content-type")).containsExactly("a");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"header.x-test", "header.X-Test", "header.x-TEST"})
  void headerMatchKeysInAnySpellingMatchAHeaderSentInAnother(String key) {
    port.rule(unavailable(key, "yes"));
    port.client(session, DOWN.replace("\r\n\r\n", "\r\nX-tEsT: yes\r\n\r\n").replace("/api/down", "/elsewhere"), 4096);
    assertThat(port.sentToServer()).isEmpty();
    assertThat(port.sentToClient()).isEqualTo(UNAVAILABLE);
  }

  /** What the JDK HttpClient sends on its first request with its default version (HTTP_2) to http://. */
  static final String H2C_OFFER = "GET /a HTTP/1.1\r\nConnection: Upgrade, HTTP2-Settings\r\nContent-Length: 0\r\n"
      + "Host: x\r\nHTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA\r\nUpgrade: h2c\r\n\r\n";

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 5, 4096})
  void declinesAnH2cUpgradeOfferAndKeepsInspecting(int size) {
    port.rule(unavailable("path", "/api/*"));
    port.client(session, H2C_OFFER + DOWN + GET_B, size);
    assertThat(port.sentToServer()).isEqualTo("GET /a HTTP/1.1\r\nContent-Length: 0\r\nHost: x\r\n\r\n" + GET_B);
    port.server(session, OK_A + OK_B, size);
    assertThat(port.sentToClient()).isEqualTo(OK_A + UNAVAILABLE + OK_B);
    assertThat(port.requestFacts().get(0).get("header.upgrade")).as("rules see the request as sent")
        .containsExactly("h2c");
    assertThat(port.passThroughReason()).isNull();
  }

  @Test
  void declinesOnlyTheH2cTokenAndKeepsOtherUpgradesAndConnectionTokens() {
    String offer = "GET /ws HTTP/1.1\nconnection: keep-alive, upgrade, http2-settings\nUPGRADE: H2C, websocket\n"
        + "http2-settings: AAMAAABkAAQAoAAAAAIAAAAA\nSec-WebSocket-Version: 13\n\n";
    port.client(session, offer, 4096);
    assertThat(port.sentToServer()).isEqualTo("GET /ws HTTP/1.1\r\nconnection: keep-alive, upgrade\r\n"
        + "UPGRADE: websocket\r\nSec-WebSocket-Version: 13\r\n\r\n");
  }

  @Test
  void delayedH2cOfferIsForwardedDeclined() {
    port.rule(rule(Map.of("path", "/a"), new Action.Delay(Duration.ofMillis(300))));
    port.client(session, H2C_OFFER, 4096);
    assertThat(port.events()).containsExactly("delay:300", "server:GET /a HTTP/1.1\r\nContent-Length: 0\r\nHost: x\r\n\r\n");
  }

  @Test
  void websocketUpgradePassesByteForByte() {
    String upgrade = "GET /ws HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n\r\n";
    port.client(session, upgrade, 4096);
    assertThat(port.sentToServer()).isEqualTo(upgrade);
  }
}
