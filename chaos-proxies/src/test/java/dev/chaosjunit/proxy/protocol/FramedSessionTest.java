package dev.chaosjunit.proxy.protocol;

import static dev.chaosjunit.proxy.protocol.TlvSession.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The framing toolkit, through a toy protocol ({@link TlvSession}) fed in chunks down to one byte. */
class FramedSessionTest {

  private final TlvSession session = new TlvSession();
  private final Wire wire = new Wire();

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @ParameterizedTest(name = "chunks of {0}")
  @ValueSource(ints = {1, 2, 3, 5, 7, 64})
  void framesThatPassArriveUnchangedInOneWritePerChunkAtMost(int size) {
    byte[] traffic = concat(frame('P', "hello"), frame('T', "taken"), frame('B', "streamed"), frame('P', ""),
        frame('T', "x"));
    wire.client(session, traffic, size);
    session.onClose();
    assertThat(wire.toServer.toByteArray()).isEqualTo(traffic);
    assertThat(wire.events).hasSizeLessThanOrEqualTo(wire.chunks.size());
    assertThat(wire.allReleased()).isTrue();
  }

  @ParameterizedTest(name = "chunks of {0}")
  @ValueSource(ints = {1, 2, 4, 9, 64})
  void skippedFramesNeverReachTheServerAndTheOthersKeepTheirOrder(int size) {
    wire.client(session, concat(frame('P', "a"), frame('S', "gone"), frame('T', "b"), frame('S', ""), frame('P', "c")), size);
    session.onClose();
    assertThat(wire.toServer.toByteArray()).isEqualTo(concat(frame('P', "a"), frame('T', "b"), frame('P', "c")));
    assertThat(wire.allReleased()).isTrue();
  }

  @BeforeAll
  static void buffersHaveAddresses() {
    ByteBuf probe = ByteBufAllocator.DEFAULT.directBuffer(1);
    boolean addressed = probe.hasMemoryAddress();
    probe.release();
    assumeTrue(addressed, "direct buffers without a memory address: where a frame lies cannot be told");
  }

  @Test
  void framesWithinAChunkAreSlicesOfIt() {
    wire.client(session, concat(frame('T', "one"), frame('T', "two")), 64);
    assertThat(session.takenAt).extracting(wire::chunkAt).containsExactly(0, 0);
    assertThat(wire.events).containsExactly("server:10");
    session.onClose();
    assertThat(wire.allReleased()).isTrue();
  }

  @Test
  void onlyAFrameThatStraddlesChunksIsGatheredAndTheRestOfTheChunkIsSlicedAgain() {
    byte[] traffic = concat(frame('T', "straddles"), frame('T', "after"), frame('T', "more"));
    wire.client(session, traffic, 6);
    session.onClose();
    assertThat(wire.toServer.toByteArray()).isEqualTo(traffic);
    assertThat(wire.chunkAt(session.takenAt.get(0))).isEqualTo(-1);
    assertThat(wire.allReleased()).isTrue();
    TlvSession second = new TlvSession();
    Wire wire2 = new Wire();
    second.onClientData(buf(wire2, concat(frame('T', "ab"), new byte[] {'T'})), wire2);
    second.onClientData(buf(wire2, concat(new byte[] {3}, "xyz".getBytes(), frame('T', "in"))), wire2);
    assertThat(second.takenAt).extracting(wire2::chunkAt).containsExactly(0, -1, 1);
    second.onClose();
    assertThat(wire2.allReleased()).isTrue();
  }

  @Test
  void aFrameEndingExactlyAtAChunkEndLeavesNothingHeld() {
    wire.client(session, frame('P', "four"), 6);
    assertThat(session.client().readable()).isZero();
    wire.client(session, frame('T', "next"), 6);
    assertThat(session.takenAt).extracting(wire::chunkAt).containsExactly(1);
    assertThat(wire.events).containsExactly("server:6", "server:6");
    session.onClose();
    assertThat(wire.allReleased()).isTrue();
  }

  @ParameterizedTest(name = "chunks of {0}")
  @ValueSource(ints = {1, 3, 64})
  void anUndecodableFrameTurnsTheSessionIntoAPlainRelayWithNothingLost(int size) {
    byte[] traffic = concat(frame('P', "ok"), frame('X', "bad"), frame('P', "later"));
    wire.client(session, traffic, size);
    wire.server(session, frame('P', "reply"));
    session.onClose();
    assertThat(wire.toServer.toByteArray()).isEqualTo(traffic);
    assertThat(wire.toClient.toByteArray()).isEqualTo(frame('P', "reply"));
    assertThat(wire.events).containsOnlyOnce("passThrough");
    assertThat(wire.passThroughReason).isEqualTo("client sent undecodable data: kind [X]");
    assertThat(wire.allReleased()).isTrue();
  }

  @Test
  void aDropSendsWhatPassedThenClosesAndDiscardsTheRest() {
    wire.client(session, concat(frame('P', "ok"), frame('D', ""), frame('P', "never")), 64);
    wire.client(session, frame('P', "after"), 64);
    wire.server(session, frame('P', "reply"));
    assertThat(wire.events).containsExactly("server:4", "close");
    assertThat(session.stops).isEqualTo(1);
    session.onClose();
    assertThat(session.stops).isEqualTo(1);
    assertThat(wire.allReleased()).isTrue();
  }

  @Test
  void aStreamedFramePassesAsItArrivesWithoutBeingHeld() {
    byte[] big = frame('B', "x".repeat(200));
    wire.client(session, big, 50);
    assertThat(session.client().readable()).isZero();
    assertThat(wire.events).containsExactly("server:50", "server:50", "server:50", "server:50", "server:2");
    session.onClose();
    assertThat(wire.allReleased()).isTrue();
  }

  @Test
  void bothDirectionsAreFramedIndependently() {
    wire.client(session, frame('P', "req"), 3);
    wire.server(session, concat(frame('P', "one"), frame('P', "two")));
    wire.client(session, new byte[] {'P', 0}, 1);
    assertThat(wire.toServer.toByteArray()).isEqualTo(concat(frame('P', "req"), new byte[] {'P', 0}));
    assertThat(wire.toClient.toByteArray()).isEqualTo(concat(frame('P', "one"), frame('P', "two")));
    session.onClose();
    assertThat(wire.allReleased()).isTrue();
  }

  private static ByteBuf buf(Wire wire, byte[] bytes) {
    return wire.track(wire.alloc().directBuffer(bytes.length).writeBytes(bytes));
  }
}
