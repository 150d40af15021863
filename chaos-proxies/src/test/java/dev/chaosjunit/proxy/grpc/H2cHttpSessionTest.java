package dev.chaosjunit.proxy.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.http.HttpInspector;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.testkit.RecordingPort;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain HTTP over HTTP/2 with prior knowledge, as the {@code http} inspector's session sees it, fed in fragments down to one byte. */
class H2cHttpSessionTest {

  private final InspectorSession session = new HttpInspector().open(null);
  private final RecordingPort port = new RecordingPort(new HttpInspector());
  private final H2 client = new H2();
  private final H2 server = new H2();
  private final H2.Peer serverSide = new H2.Peer();
  private final H2.Peer clientSide = new H2.Peer();

  @AfterEach
  void close() {
    session.onClose();
  }

  static Http2Headers get(String path) {
    return new DefaultHttp2Headers().method("GET").scheme("http").authority("api.local:8080").path(path)
        .add("x-tenant", "acme");
  }

  static Http2Headers ok() {
    return new DefaultHttp2Headers().status("200").add("content-type", "application/json").add("x-served-by", "test");
  }

  @Test
  void relaysBothWaysOneByteAtATimeExposingTheHttpFactsAndReencodingTheServersHeaders() throws Exception {
    byte[] request = H2.concat(Http2FrameReader.PREFACE, H2.settings(), client.headers(1, get("/orders/7?x=1"), true, true),
        client.headers(3, get("/orders/8"), true, false));
    byte[] response = H2.concat(H2.settings(), server.headers(1, ok(), false, true), H2.data(1, "{}".getBytes(), true),
        server.headers(3, ok(), false, false), H2.data(3, "{}".getBytes(), true));

    port.client(session, request, 1);
    port.server(session, response, 1);

    assertThat(port.takeServerBytes()).isEqualTo(request);
    assertThat(port.requestFacts()).hasSize(2).first().satisfies(f -> {
      assertThat(f.get("method")).containsExactly("GET");
      assertThat(f.get("path")).containsExactly("/orders/7");
      assertThat(f.get("authority")).containsExactly("api.local:8080");
      assertThat(f.get("header.x-tenant")).containsExactly("acme");
    });
    List<H2.Peer.Received> atClient = clientSide.read(port.takeClientBytes());
    assertThat(atClient).extracting(H2.Peer.Received::type).containsExactly(Http2Frame.SETTINGS, Http2Frame.HEADERS,
        Http2Frame.DATA, Http2Frame.HEADERS, Http2Frame.DATA);
    assertThat(atClient.get(3).headers()).as("the second block, which the server's encoder wrote with indexed fields")
        .isEqualTo(ok());
    assertThat(port.passThroughReason()).isNull();
  }

  @Test
  void answersAMatchingStreamWithStatusHeadersAndBodyAndDropsTheServersLateAnswer() throws Exception {
    port.rule(new Rule("down", "http", Direction.UPSTREAM, Map.of("path", "/orders/*"),
        new Action.Error("503", "resting", Map.of("header.Retry-After", "7")), 1, 0, 0));
    port.server(session, H2.settings(), 1);
    port.client(session, H2.concat(Http2FrameReader.PREFACE, H2.settings(), client.headers(1, get("/orders/7"), true, false)), 1);
    port.server(session, H2.concat(server.headers(1, ok(), false, false), H2.data(1, "{}".getBytes(), true)), 1);

    assertThat(serverSide.read(port.takeServerBytes())).extracting(H2.Peer.Received::type)
        .as("the request, its cancellation, and the late answer's window given back")
        .containsExactly(Http2Frame.SETTINGS, Http2Frame.HEADERS, Http2Frame.RST_STREAM, Http2Frame.WINDOW_UPDATE);
    List<H2.Peer.Received> atClient = clientSide.read(port.takeClientBytes());
    assertThat(atClient).extracting(H2.Peer.Received::type).containsExactly(Http2Frame.SETTINGS, Http2Frame.HEADERS, Http2Frame.DATA);
    assertThat(atClient.get(1).headers().status().toString()).isEqualTo("503");
    assertThat(atClient.get(1).headers().get("retry-after").toString()).isEqualTo("7");
    assertThat(atClient.get(2).payload().toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("resting");
  }

  @ParameterizedTest(name = "fragments of {0} bytes")
  @ValueSource(ints = {1, 4096})
  void rewritesTheFinalResponseHeadersOfMatchingStreamsOnlyWhileHpackStaysInStepOnBothSides(int size) throws Exception {
    port.rule(new Rule("hdr", "http", Direction.UPSTREAM, Map.of("path", "/orders/*"),
        new Action.Rewrite(Map.of("header.Cache-Control", "no-store", "remove", "Content-Type,x-checksum")), 1, 0, 0));
    Http2Headers early = new DefaultHttp2Headers().status("103").add("link", "</a.css>").add("content-type", "text/css");
    Http2Headers trailers = new DefaultHttp2Headers().add("x-checksum", "abc");
    byte[] request = H2.concat(Http2FrameReader.PREFACE, H2.settings(), client.headers(1, get("/orders/7"), true, false),
        client.headers(3, get("/other"), true, true), client.headers(5, get("/orders/9"), true, false));
    byte[] response = H2.concat(H2.settings(), server.headers(1, early, false, false),
        server.headers(1, ok(), false, true), server.headers(3, ok(), false, false), H2.data(1, "{}".getBytes(), false),
        server.headers(1, trailers, true, false), server.headers(5, ok(), false, true), H2.data(3, "{}".getBytes(), true),
        H2.data(5, "{}".getBytes(), true));

    port.client(session, request, size);
    port.server(session, response, size);

    assertThat(port.takeServerBytes()).isEqualTo(request);
    List<H2.Peer.Received> atClient = clientSide.read(port.takeClientBytes());
    assertThat(atClient).extracting(H2.Peer.Received::type).containsExactly(Http2Frame.SETTINGS, Http2Frame.HEADERS,
        Http2Frame.HEADERS, Http2Frame.HEADERS, Http2Frame.DATA, Http2Frame.HEADERS, Http2Frame.HEADERS, Http2Frame.DATA,
        Http2Frame.DATA);
    Http2Headers rewritten = new DefaultHttp2Headers().status("200").add("x-served-by", "test").add("cache-control", "no-store");
    assertThat(atClient.get(1).headers()).as("an interim response is not rewritten").isEqualTo(early);
    assertThat(atClient.get(2).headers()).as("the final response, from HEADERS + CONTINUATION").isEqualTo(rewritten);
    assertThat(atClient.get(3).headers()).as("another stream, from the server's indexed fields").isEqualTo(ok());
    assertThat(atClient.get(5).headers()).as("trailers are not rewritten").isEqualTo(trailers);
    assertThat(atClient.get(6).headers()).as("a second matching stream").isEqualTo(rewritten);
    assertThat(port.passThroughReason()).isNull();
  }

  @Test
  void anAnswerWaitsForTheServersPrefaceWhichMustReachTheClientFirst() throws Exception {
    port.rule(new Rule("down", "http", Direction.UPSTREAM, Map.of("path", "/orders/*"), Action.Error.of("503", ""), 1, 0, 0));
    port.client(session, H2.concat(Http2FrameReader.PREFACE, H2.settings(), client.headers(1, get("/orders/7"), true, false)), 1);

    assertThat(port.takeClientBytes()).as("nothing before the server's SETTINGS").isEmpty();

    port.server(session, H2.settings(), 1);
    List<H2.Peer.Received> atClient = clientSide.read(port.takeClientBytes());
    assertThat(atClient).extracting(H2.Peer.Received::type).containsExactly(Http2Frame.SETTINGS, Http2Frame.HEADERS, Http2Frame.DATA);
    assertThat(atClient.get(1).headers().status().toString()).isEqualTo("503");
    assertThat(atClient.get(2).payload().toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("Service Unavailable");
  }

  @Test
  void aGoAwayWithAnErrorCodeBeforeTheServersPrefaceWaitsForItAndThenCloses() throws Exception {
    port.rule(new Rule("calm", "http", Direction.UPSTREAM, Map.of("path", "/orders/*"),
        new Action.Drop(DropMode.GOAWAY, Map.of("code", "ENHANCE_YOUR_CALM")), 1, 0, 0));
    port.client(session, H2.concat(Http2FrameReader.PREFACE, H2.settings(), client.headers(1, get("/orders/7"), true, false)), 1);

    assertThat(port.closedHow()).as("not before the client can read the GOAWAY").isNull();
    port.server(session, H2.settings(), 1);

    List<H2.Peer.Received> atClient = clientSide.read(port.takeClientBytes());
    assertThat(atClient).extracting(H2.Peer.Received::type).containsExactly(Http2Frame.SETTINGS, Http2Frame.GOAWAY);
    assertThat(atClient.get(1).payload().getInt(4)).isEqualTo(0xb);
    assertThat(port.closedHow()).isEqualTo("close");
  }

  @Test
  void aBrokenServerHeaderBlockEndsInspectionWithAReason() throws Exception {
    port.client(session, H2.concat(Http2FrameReader.PREFACE, H2.settings(), client.headers(1, get("/orders/7"), true, false)), 1);
    byte[] badHpack = H2.frame(Http2Frame.HEADERS, Http2Frame.END_HEADERS, 1, new byte[] {(byte) 0xFF, (byte) 0xFF}, 0, 2);

    port.server(session, H2.concat(H2.settings(), badHpack), 1);

    assertThat(port.passThroughReason()).contains("HPACK");
  }

  @Test
  void aServerThatSpeaksFirstWithAnythingButSettingsIsLeftToTheHttp11Session() {
    String timeout = "HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    port.server(session, timeout, 1);

    assertThat(port.sentToClient()).isEqualTo(timeout);
  }

  @Test
  void anHttp11RequestStaysWithTheHttp11Session() {
    port.client(session, "GET /orders/7 HTTP/1.1\r\nHost: api.local\r\n\r\n", 1);

    assertThat(port.sentToServer()).isEqualTo("GET /orders/7 HTTP/1.1\r\nHost: api.local\r\n\r\n");
    assertThat(port.requestFacts()).singleElement().satisfies(f -> assertThat(f.get("authority")).containsExactly("api.local"));
  }
}
