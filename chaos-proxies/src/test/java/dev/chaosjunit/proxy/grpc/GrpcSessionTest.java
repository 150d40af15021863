package dev.chaosjunit.proxy.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.testkit.RecordingPort;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GrpcSessionTest {

  private final Http2Session session = new Http2Session(GrpcDialect.INSTANCE);
  private final RecordingPort port = new RecordingPort(new GrpcInspector());
  private final H2 client = new H2();
  private final H2 server = new H2();
  private final H2.Peer serverSide = new H2.Peer();
  private final H2.Peer clientSide = new H2.Peer();

  /** The server's SETTINGS (its preface) comes first: nothing may reach the client before it. */
  @BeforeEach
  void serverPreface() {
    session.onServerData(buf(H2.settings()), port);
  }

  @AfterEach
  void close() {
    session.onClose();
  }

  /** What reached the client after the server's preface. */
  private List<H2.Peer.Received> atClient() throws Exception {
    List<H2.Peer.Received> frames = clientSide.read(port.takeClientBytes());
    return frames.isEmpty() || frames.get(0).type() != Http2Frame.SETTINGS ? frames : frames.subList(1, frames.size());
  }

  @Test
  void relaysACallFedOneByteAtATimeAndExposesItsMethodAndMetadata() throws Exception {
    byte[] request = H2.concat(H2.settings(), client.headers(1, H2.request("/shop.Orders/Place", "x-tenant", "acme"), false, true),
        H2.message(1, "order", true));
    byte[] in = H2.concat(H2Preface.BYTES, request);

    port.client(session, in, 1);

    assertThat(port.takeServerBytes()).isEqualTo(in);
    assertThat(port.requestFacts()).singleElement().satisfies(f -> {
      assertThat(f.get("method")).containsExactly("/shop.Orders/Place", "shop.Orders/Place");
      assertThat(f.get("metadata.x-tenant")).containsExactly("acme");
    });
    assertThat(port.passThroughReason()).isNull();
  }

  @Test
  void answersAFaultedCallTrailersOnlyAndCancelsItOnTheServerWithoutDisturbingHpack() throws Exception {
    port.rule(rule(Direction.UPSTREAM, "/shop.Orders/Place", error("UNAVAILABLE", "try again")));
    session.onClientData(buf(H2.concat(H2Preface.BYTES, H2.settings(),
        client.headers(1, H2.request("/shop.Orders/Place", "x-tenant", "acme"), false, false),
        H2.message(1, "order", true))), port);
    session.onClientData(buf(H2.concat(client.headers(3, H2.request("/shop.Orders/List", "x-tenant", "acme"), false, false),
        H2.message(3, "list", true))), port);

    List<H2.Peer.Received> atServer = serverSide.read(port.takeServerBytes());
    assertThat(atServer).extracting(H2.Peer.Received::type, H2.Peer.Received::streamId).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Http2Frame.SETTINGS, 0), org.assertj.core.groups.Tuple.tuple(Http2Frame.HEADERS, 1),
        org.assertj.core.groups.Tuple.tuple(Http2Frame.RST_STREAM, 1), org.assertj.core.groups.Tuple.tuple(Http2Frame.DATA, 1),
        org.assertj.core.groups.Tuple.tuple(Http2Frame.HEADERS, 3), org.assertj.core.groups.Tuple.tuple(Http2Frame.DATA, 3));
    assertThat(atServer.get(4).headers().path().toString()).isEqualTo("/shop.Orders/List");
    assertThat(atServer.get(4).headers().get("x-tenant").toString()).isEqualTo("acme");

    List<H2.Peer.Received> atClient = atClient();
    assertThat(atClient).singleElement().satisfies(f -> {
      assertThat(f.streamId()).isEqualTo(1);
      assertThat(f.flags() & Http2Frame.END_STREAM).isNotZero();
      assertThat(f.headers().status().toString()).isEqualTo("200");
      assertThat(f.headers().get("grpc-status").toString()).isEqualTo("14");
      assertThat(f.headers().get("grpc-message").toString()).isEqualTo("try again");
    });
  }

  @Test
  void matchesMetadataKeysWrittenInAnyCaseAsHttp2LowerCasesThem() throws Exception {
    port.rule(new Rule("r", "", Direction.UPSTREAM, Map.of("metadata.X-Tenant", "acme"), error("UNAVAILABLE", "x"), 1, 0, 0));
    session.onClientData(buf(H2.concat(H2Preface.BYTES, H2.settings(),
        client.headers(1, H2.request("/shop.Orders/Place", "x-tenant", "acme"), false, false), H2.message(1, "order", true))), port);

    assertThat(atClient()).singleElement()
        .satisfies(f -> assertThat(f.headers().get("grpc-status").toString()).isEqualTo("14"));
  }

  @Test
  void dropsTheServersLateFramesForAFaultedCallAndGivesBackTheirWindow() throws Exception {
    port.rule(rule(Direction.UPSTREAM, "/shop.Orders/Place", error("INTERNAL", "boom")));
    session.onClientData(buf(H2.concat(H2Preface.BYTES, client.headers(1, H2.request("/shop.Orders/Place"), false, false))), port);
    serverSide.read(port.takeServerBytes());
    atClient();
    byte[] late = H2.message(1, "late", false);

    session.onServerData(buf(H2.concat(H2.settings(), server.headers(1, H2.responseHeaders(), false, false), late,
        H2.frame(Http2Frame.RST_STREAM, 0, 1, new byte[4], 0, 4))), port);

    assertThat(clientSide.read(port.takeClientBytes())).extracting(H2.Peer.Received::type)
        .containsExactly(Http2Frame.SETTINGS, Http2Frame.HEADERS);
    assertThat(serverSide.read(port.takeServerBytes())).singleElement().satisfies(f -> {
      assertThat(f.type()).isEqualTo(Http2Frame.WINDOW_UPDATE);
      assertThat(f.streamId()).isZero();
      assertThat(f.payload().getInt(0)).isEqualTo(late.length - 9);
    });
  }

  @Test
  void cutsAServerStreamAfterItsNthMessage() throws Exception {
    session.onClientData(buf(H2.concat(H2Preface.BYTES, client.headers(1, H2.request("/shop.Orders/Watch"), false, false),
        H2.message(1, "watch", true))), port);
    port.takeServerBytes();

    session.onServerData(buf(H2.concat(server.headers(1, H2.responseHeaders(), false, false), H2.message(1, "a", false))), port);
    port.rule(new Rule("cut", "", Direction.DOWNSTREAM, Map.of("method", "/shop.Orders/Watch"),
        new Action.Drop(null), 1, 0, 0));
    session.onServerData(buf(H2.message(1, "b", false)), port);

    assertThat(atClient()).extracting(H2.Peer.Received::type)
        .containsExactly(Http2Frame.HEADERS, Http2Frame.DATA, Http2Frame.RST_STREAM);
    assertThat(serverSide.read(port.takeServerBytes())).extracting(H2.Peer.Received::type)
        .containsExactly(Http2Frame.RST_STREAM, Http2Frame.WINDOW_UPDATE);
  }

  @Test
  void countsMessagesNotFramesAndSplitsTheFrameAtTheFiringMessage() throws Exception {
    watchWithResponseRule("cut", new Action.Drop(null), 1);
    byte[] three = H2.grpc("a", "b", "c");

    session.onServerData(buf(H2.concat(server.headers(1, H2.responseHeaders(), false, false), H2.data(1, three, false))), port);

    List<H2.Peer.Received> atClient = atClient();
    assertThat(atClient).extracting(H2.Peer.Received::type)
        .containsExactly(Http2Frame.HEADERS, Http2Frame.DATA, Http2Frame.RST_STREAM);
    assertThat(bytes(atClient.get(1).payload())).as("the first message alone").isEqualTo(H2.grpc("a"));
    assertThat(serverSide.read(port.takeServerBytes())).satisfiesExactly(
        f -> assertThat(f.type()).isEqualTo(Http2Frame.RST_STREAM),
        f -> assertThat(f.payload().getInt(0)).as("the window of what the client never got").isEqualTo(three.length - 6));
  }

  @Test
  void delaysAPaddedFrameFromTheFiringMessageOnAndGivesThePaddingBack() throws Exception {
    watchWithResponseRule("slow", new Action.Delay(Duration.ofMillis(300)), 1);
    byte[] three = H2.grpc("a", "b", "c");
    byte[] padded = H2.concat(new byte[] {4}, three, new byte[4]);

    session.onServerData(buf(H2.concat(server.headers(1, H2.responseHeaders(), false, false),
        H2.frame(Http2Frame.DATA, Http2Frame.PADDED, 1, padded, 0, padded.length))), port);

    List<H2.Peer.Received> atClient = atClient();
    assertThat(atClient).extracting(f -> bytes(f.payload())).containsExactly(
        bytes(atClient.get(0).payload()), H2.grpc("a"), H2.grpc("b", "c"));
    assertThat(port.clientDelays()).as("the first message at once, the rest held").endsWith(Duration.ofMillis(300))
        .filteredOn(d -> !d.isZero()).hasSize(1);
    assertThat(serverSide.read(port.takeServerBytes())).extracting(H2.Peer.Received::streamId, f -> f.payload().getInt(0))
        .as("padding of 1 + 4 bytes, to the connection and the stream").containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 5), org.assertj.core.groups.Tuple.tuple(1, 5));
  }

  @Test
  void countsAMessageSpanningFramesOnceWhereItBegins() throws Exception {
    watchWithResponseRule("cut", new Action.Drop(null), 2);
    byte[] three = H2.grpc("a", "bb", "c");

    session.onServerData(buf(H2.concat(server.headers(1, H2.responseHeaders(), false, false),
        H2.frame(Http2Frame.DATA, 0, 1, three, 0, 8), H2.frame(Http2Frame.DATA, 0, 1, three, 8, three.length - 8))), port);

    List<H2.Peer.Received> atClient = atClient();
    assertThat(atClient).extracting(H2.Peer.Received::type)
        .containsExactly(Http2Frame.HEADERS, Http2Frame.DATA, Http2Frame.DATA, Http2Frame.RST_STREAM);
    assertThat(bytes(atClient.get(2).payload())).as("the rest of the second message").hasSize(13 - 8);
  }

  @Test
  void matchesMethodsWithOrWithoutTheLeadingSlashOneSegmentPerStar() throws Exception {
    port.rule(rule(Direction.UPSTREAM, "shop.Orders/*", error("UNAVAILABLE", "x")));
    session.onClientData(buf(H2.concat(H2Preface.BYTES, client.headers(1, H2.request("/shop.Orders/Place"), true, false),
        client.headers(3, H2.request("/shop.Orders.v2/Place"), true, false))), port);

    assertThat(atClient()).extracting(H2.Peer.Received::streamId).containsExactly(1);
  }

  @Test
  void delaysTheCallsHeaders() throws Exception {
    port.rule(rule(Direction.UPSTREAM, "/shop.Orders/*", new Action.Delay(Duration.ofMillis(300))));
    session.onClientData(buf(H2.concat(H2Preface.BYTES, client.headers(1, H2.request("/shop.Orders/Place"), false, true))), port);

    assertThat(port.serverDelays()).contains(Duration.ofMillis(300));
  }

  @Test
  void aGracefulGoAwayNamesTheCallBeforeCancelsThisOneOnTheServerAndRefusesLaterCallsWithoutClosing() throws Exception {
    port.rule(rule(Direction.UPSTREAM, "/shop.Orders/Place", new Action.Drop(DropMode.GOAWAY)));
    session.onClientData(buf(H2.concat(H2Preface.BYTES, client.headers(1, H2.request("/shop.Orders/List"), true, false),
        client.headers(3, H2.request("/shop.Orders/Place"), false, false),
        client.headers(5, H2.request("/shop.Orders/List"), true, false))), port);

    assertThat(atClient()).satisfiesExactly(f -> {
      assertThat(f.type()).isEqualTo(Http2Frame.GOAWAY);
      assertThat(f.payload().getInt(0)).as("last stream").isEqualTo(1);
      assertThat(f.payload().getInt(4)).as("NO_ERROR").isZero();
    }, f -> {
      assertThat(f.type()).isEqualTo(Http2Frame.RST_STREAM);
      assertThat(f.streamId()).isEqualTo(5);
      assertThat(f.payload().getInt(0)).as("REFUSED_STREAM").isEqualTo(7);
    });
    assertThat(serverSide.read(port.takeServerBytes())).extracting(H2.Peer.Received::type, H2.Peer.Received::streamId)
        .as("header blocks go on for HPACK, each refused call cancelled at once").containsExactly(
            org.assertj.core.groups.Tuple.tuple(Http2Frame.HEADERS, 1), org.assertj.core.groups.Tuple.tuple(Http2Frame.HEADERS, 3),
            org.assertj.core.groups.Tuple.tuple(Http2Frame.RST_STREAM, 3), org.assertj.core.groups.Tuple.tuple(Http2Frame.HEADERS, 5),
            org.assertj.core.groups.Tuple.tuple(Http2Frame.RST_STREAM, 5));
    assertThat(port.closedHow()).isNull();
  }

  @Test
  void anErrorGoAwayCarriesItsCodeAndCloses() throws Exception {
    port.rule(rule(Direction.UPSTREAM, "/shop.Orders/Place", new Action.Drop(DropMode.GOAWAY, Map.of("code", "ENHANCE_YOUR_CALM"))));
    session.onClientData(buf(H2.concat(H2Preface.BYTES, client.headers(1, H2.request("/shop.Orders/List"), true, false),
        client.headers(3, H2.request("/shop.Orders/Place"), false, false))), port);

    assertThat(atClient()).singleElement().satisfies(f -> {
      assertThat(f.type()).isEqualTo(Http2Frame.GOAWAY);
      assertThat(f.payload().getInt(0)).isEqualTo(1);
      assertThat(f.payload().getInt(4)).isEqualTo(0xb);
    });
    assertThat(port.closedHow()).isEqualTo("close");
  }

  @Test
  void fallsBackToPlainRelayForHttp1WithoutUpgrade() {
    byte[] http1 = "POST /shop.Orders/Place HTTP/1.1\r\nHost: x\r\n\r\n".getBytes();
    session.onClientData(buf(http1), port);

    assertThat(port.passThroughReason()).contains("without Upgrade: h2c");
    assertThat(port.takeServerBytes()).isEqualTo(http1);
  }

  @Test
  void fallsBackToPlainRelayWhenThePrefaceIsBroken() {
    byte[] broken = H2.concat("PRI * HTTP/2.0\r\n\r\nXX\r\n\r\n".getBytes(), H2.settings());
    session.onClientData(buf(broken), port);

    assertThat(port.passThroughReason()).contains("[PRI * HTTP/2.0] without Upgrade: h2c");
    assertThat(port.takeServerBytes()).isEqualTo(broken);
  }

  /** Opens a Watch call on stream 1 (its request taken from the server side) and adds a response rule. */
  private void watchWithResponseRule(String name, Action action, long after) throws Exception {
    session.onClientData(buf(H2.concat(H2Preface.BYTES, client.headers(1, H2.request("/shop.Orders/Watch"), false, false),
        H2.message(1, "watch", true))), port);
    port.takeServerBytes();
    port.rule(new Rule(name, "", Direction.DOWNSTREAM, Map.of("method", "/shop.Orders/Watch"), action, 1, after, 0));
  }

  private static byte[] bytes(io.netty.buffer.ByteBuf payload) {
    byte[] bytes = new byte[payload.readableBytes()];
    payload.getBytes(payload.readerIndex(), bytes);
    return bytes;
  }

  private static Rule rule(Direction direction, String method, Action action) {
    return new Rule("r", "", direction, Map.of("method", method), action, 1, 0, 0);
  }

  private static Action error(String code, String message) {
    return Action.Error.of(code, message);
  }

  private static io.netty.buffer.ByteBuf buf(byte[] bytes) {
    return Unpooled.wrappedBuffer(bytes);
  }

  /** The client connection preface. */
  static final class H2Preface {
    static final byte[] BYTES = Http2FrameReader.PREFACE;
  }
}
