package dev.chaosjunit.proxy.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class Http2FrameTest {

  @Test
  void aPaddedDataFramesPayloadIsEverythingBetweenThePadLengthAndThePadding() {
    byte[] payload = {3, 'a', 'b', 'c', 'd', 0, 0, 0};

    assertThat(bytes(frame(Http2Frame.DATA, Http2Frame.PADDED, payload).data())).containsExactly('a', 'b', 'c', 'd');
  }

  @Test
  void aPaddedHeadersFramesBlockSkipsThePadLengthThePriorityAndThePadding() {
    byte[] payload = {2, 0, 0, 0, 3, 16, 'h', 'i', 0, 0};

    assertThat(bytes(frame(Http2Frame.HEADERS, Http2Frame.PADDED | Http2Frame.PRIORITY, payload).headerBlockFragment()))
        .containsExactly('h', 'i');
  }

  @Test
  void paddingLongerThanThePayloadIsRefused() {
    assertThatThrownBy(() -> frame(Http2Frame.DATA, Http2Frame.PADDED, new byte[] {5, 'a', 0}).data())
        .isInstanceOf(Http2DecodeException.class).hasMessageContaining("more padding than payload");
  }

  private static Http2Frame frame(byte type, int flags, byte[] payload) {
    return new Http2Frame(Unpooled.wrappedBuffer(H2.frame(type, flags, 1, payload, 0, payload.length)));
  }

  private static byte[] bytes(ByteBuf buf) {
    return ByteBufUtil.getBytes(buf);
  }
}
