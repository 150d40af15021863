package dev.chaosjunit.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PendingBytesTest {

  private final PendingBytes pending = new PendingBytes();

  @Test
  void chunksAreJoinedAndFramesTakenOffTheFront() {
    pending.append(bytes("abc"), ByteBufAllocator.DEFAULT);
    pending.append(bytes("defg"), ByteBufAllocator.DEFAULT);

    assertThat(pending.readableBytes()).isEqualTo(7);
    assertThat(text(pending.take(5))).isEqualTo("abcde");
    assertThat(pending.peek().toString(StandardCharsets.US_ASCII)).isEqualTo("fg");
    ByteBuf rest = pending.drain();
    assertThat(text(rest)).isEqualTo("fg");
    assertThat(pending.readableBytes()).isZero();
  }

  @Test
  void theHeldBufferIsReleasedOnceEverythingIsTaken() {
    ByteBuf data = bytes("abcd");
    pending.append(data, ByteBufAllocator.DEFAULT);

    ByteBuf frame = pending.take(4);

    assertThat(pending.readableBytes()).isZero();
    assertThat(pending.drain()).isNull();
    assertThat(data.refCnt()).as("only the taken slice holds the buffer").isEqualTo(1);
    assertThat(text(frame)).isEqualTo("abcd");
    assertThat(data.refCnt()).isZero();
  }

  @Test
  void releaseFreesWhatIsHeld() {
    ByteBuf data = bytes("partial");
    pending.append(data, ByteBufAllocator.DEFAULT);

    pending.release();

    assertThat(data.refCnt()).isZero();
    assertThat(pending.readableBytes()).isZero();
  }

  private static ByteBuf bytes(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
  }

  /** The text of {@code buf}, which is released. */
  private static String text(ByteBuf buf) {
    try {
      return new String(ByteBufUtil.getBytes(buf), StandardCharsets.US_ASCII);
    } finally {
      buf.release();
    }
  }
}
