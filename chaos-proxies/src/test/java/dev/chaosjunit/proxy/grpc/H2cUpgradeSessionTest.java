package dev.chaosjunit.proxy.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.testkit.RecordingPort;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The h2c upgrade (RFC 7540, section 3.2) through a session, bytes fed as a peer writes them. */
class H2cUpgradeSessionTest {

  private static final byte[] UPGRADE = ascii("POST /shop.Orders/Place HTTP/1.1\r\nHost: orders\r\n"
      + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n"
      + "X-Tenant: acme\r\nContent-Length: 5\r\n\r\norder");
  private static final byte[] SWITCHING = ascii("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\n"
      + "Upgrade: h2c\r\n\r\n");

  private final Http2Session session = new Http2Session(GrpcDialect.INSTANCE);
  private final RecordingPort port = new RecordingPort(new GrpcInspector());
  private final H2 client = new H2();
  private final H2 server = new H2();
  private final H2.Peer serverSide = new H2.Peer();
  private final H2.Peer clientSide = new H2.Peer();

  @AfterEach
  void close() {
    session.onClose();
  }

  @Test
  void theUpgradedRequestIsStreamOneAndLaterStreamsAreCallsToo() throws Exception {
    byte[] http2 = H2.concat(Http2FrameReader.PREFACE, H2.settings(),
        client.headers(3, H2.request("/shop.Orders/List"), false, false), H2.message(3, "list", true));
    byte[] answer = H2.concat(SWITCHING, H2.settings(), server.headers(1, H2.responseHeaders(), false, false),
        H2.message(1, "placed", false), server.headers(1, H2.trailers(0), true, false));

    port.client(session, UPGRADE, 7);
    port.server(session, answer, 5);
    port.client(session, http2, 3);

    assertThat(port.takeServerBytes()).isEqualTo(H2.concat(UPGRADE, http2));
    assertThat(port.takeClientBytes()).isEqualTo(answer);
    assertThat(port.requestFacts()).hasSize(2);
    assertThat(port.requestFacts().get(0).get("method")).containsExactly("/shop.Orders/Place", "shop.Orders/Place");
    assertThat(port.requestFacts().get(0).get("metadata.x-tenant")).containsExactly("acme");
    assertThat(port.requestFacts().get(1).get("method")).containsExactly("/shop.Orders/List", "shop.Orders/List");
    assertThat(port.passThroughReason()).isNull();
  }

  @ParameterizedTest(name = "fed {0} byte(s) at a time")
  @ValueSource(ints = {1, 1 << 20})
  void aFaultOnStreamOneFollowsTheServersSettingsAndTheClientsPreface(int chunk) throws Exception {
    port.rule(new Rule("r", "", Direction.UPSTREAM, Map.of("method", "/shop.Orders/Place"),
        Action.Error.of("UNAVAILABLE", ""), 1, 0, 0));
    port.client(session, UPGRADE, chunk);
    byte[] answer = H2.concat(SWITCHING, H2.settings(), server.headers(1, H2.responseHeaders(), false, false),
        H2.message(1, "placed", false));
    port.server(session, answer, chunk);

    assertThat(port.takeClientBytes()).as("server frames wait for the client's preface").isEqualTo(SWITCHING);
    port.client(session, H2.concat(Http2FrameReader.PREFACE, H2.settings()), chunk);

    assertThat(clientSide.read(port.takeClientBytes()))
        .extracting(H2.Peer.Received::type, H2.Peer.Received::streamId, H2.Peer.Received::flags).containsExactly(
            tuple(Http2Frame.SETTINGS, 0, 0), tuple(Http2Frame.HEADERS, 1, Http2Frame.END_HEADERS | Http2Frame.END_STREAM),
            tuple(Http2Frame.HEADERS, 1, Http2Frame.END_HEADERS));
    List<H2.Peer.Received> atServer = serverSide.read(dropUpgradeRequest(port.takeServerBytes()));
    assertThat(atServer).extracting(H2.Peer.Received::type, H2.Peer.Received::streamId).containsExactly(
        tuple(Http2Frame.SETTINGS, 0), tuple(Http2Frame.RST_STREAM, 1), tuple(Http2Frame.WINDOW_UPDATE, 0));
  }

  @Test
  void aDelayOnStreamOneHoldsBackTheSwitch() {
    port.rule(new Rule("r", "", Direction.UPSTREAM, Map.of("method", "/shop.Orders/Place"),
        new Action.Delay(Duration.ofMillis(300)), 1, 0, 0));
    session.onClientData(buf(UPGRADE), port);
    session.onServerData(buf(H2.concat(SWITCHING, H2.settings())), port);

    assertThat(port.clientDelays()).as("the 101, then the frames queued behind it").startsWith(Duration.ofMillis(300));
    assertThat(port.takeClientBytes()).isEqualTo(H2.concat(SWITCHING, H2.settings()));
  }

  @Test
  void aDeclinedUpgradeStaysHttp1AndIsRelayed() {
    byte[] declined = ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    port.client(session, UPGRADE, 4);
    port.server(session, declined, 4);

    assertThat(port.passThroughReason()).contains("declined the h2c upgrade with [HTTP/1.1 200 OK]");
    assertThat(port.takeServerBytes()).isEqualTo(UPGRADE);
    assertThat(port.takeClientBytes()).isEqualTo(declined);
    assertThat(port.requestFacts()).isEmpty();
  }

  @Test
  void anInterimAnswerIsForwardedBeforeTheSwitch() {
    byte[] interim = ascii("HTTP/1.1 100 Continue\r\n\r\n");
    session.onClientData(buf(UPGRADE), port);
    session.onServerData(buf(H2.concat(interim, SWITCHING, H2.settings())), port);

    assertThat(port.takeClientBytes()).isEqualTo(H2.concat(interim, SWITCHING, H2.settings()));
    assertThat(port.passThroughReason()).isNull();
  }

  @Test
  void aChunkedUpgradeRequestIsRelayedWithAReason() {
    byte[] chunked = ascii("POST / HTTP/1.1\r\nUpgrade: h2c\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    session.onClientData(buf(chunked), port);

    assertThat(port.passThroughReason()).contains("chunked");
    assertThat(port.takeServerBytes()).isEqualTo(chunked);
  }

  @Test
  void anOverlongHeadIsRelayedWithAReason() {
    byte[] head = ascii("GET / HTTP/1.1\r\nX: " + "y".repeat(Http11Head.MAX_LENGTH) + "\r\n");
    session.onClientData(buf(head), port);

    assertThat(port.passThroughReason()).contains("longer than");
    assertThat(port.takeServerBytes()).isEqualTo(head);
  }

  @Test
  void aServerThatSpeaksFirstWithoutHttp2IsRelayedAtOnce() {
    byte[] greeting = ascii("220 smtp.example ESMTP ready\r\n");
    session.onServerData(buf(greeting), port);

    assertThat(port.passThroughReason()).contains("not with an HTTP/2 SETTINGS frame");
    assertThat(port.takeClientBytes()).isEqualTo(greeting);
  }

  @Test
  void anHttp2ServersSettingsWaitForThePrefaceAndThenPass() throws Exception {
    session.onServerData(buf(H2.settings()), port);
    assertThat(port.takeClientBytes()).isEmpty();

    session.onClientData(buf(H2.concat(Http2FrameReader.PREFACE, H2.settings())), port);

    assertThat(port.takeClientBytes()).isEqualTo(H2.settings());
    assertThat(port.passThroughReason()).isNull();
  }

  /** The server's bytes without the HTTP/1.1 request and the client preface. */
  private static byte[] dropUpgradeRequest(byte[] bytes) {
    int skip = UPGRADE.length;
    byte[] rest = new byte[bytes.length - skip];
    System.arraycopy(bytes, skip, rest, 0, rest.length);
    return rest;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static io.netty.buffer.ByteBuf buf(byte[] bytes) {
    return Unpooled.wrappedBuffer(bytes);
  }
}
