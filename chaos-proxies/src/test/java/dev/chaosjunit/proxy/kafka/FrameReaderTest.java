package dev.chaosjunit.proxy.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cutting a byte stream into size-prefixed frames, whatever the chunks it arrives in. */
class FrameReaderTest {

  private static final ByteBufAllocator ALLOC = ByteBufAllocator.DEFAULT;

  private final FrameReader reader = new FrameReader();
  private final List<byte[]> frames = new ArrayList<>();

  @ParameterizedTest(name = "chunks of {0} bytes")
  @ValueSource(ints = {1, 2, 3, 5, 7, 13, 64, 1000})
  void emitsEveryFrameWholeInOrder(int chunk) {
    byte[] stream = concat(frame(0), frame(9), frame(300), frame(1), frame(40));

    for (int at = 0; at < stream.length; at += chunk) {
      reader.read(Unpooled.wrappedBuffer(Arrays.copyOfRange(stream, at, Math.min(stream.length, at + chunk))), ALLOC,
          this::record);
    }

    assertThat(frames).containsExactly(frame(0), frame(9), frame(300), frame(1), frame(40));
    assertThat(reader.drain()).isNull();
  }

  @ParameterizedTest(name = "after {0} good bytes")
  @ValueSource(ints = {0, 3, 20})
  void refusesANegativeSizeAndHandsBackWhatItHeld(int good) {
    byte[] stream = concat(frame(16), new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 1, 2});
    reader.read(Unpooled.wrappedBuffer(Arrays.copyOf(stream, good)), ALLOC, this::record);

    assertThatThrownBy(() -> reader.read(Unpooled.wrappedBuffer(Arrays.copyOfRange(stream, good, stream.length)),
        ALLOC, this::record)).isInstanceOf(KafkaDecodeException.class).hasMessageContaining("frame size [-16]");

    ByteBuf held = reader.drain();
    try {
      assertThat(frames).containsExactly(frame(16));
      assertThat(ByteBufUtil.getBytes(held)).containsExactly(Arrays.copyOfRange(stream, 20, stream.length));
    } finally {
      held.release();
    }
  }

  @ParameterizedTest(name = "split at {0}")
  @ValueSource(ints = {2, 10})
  void holdsTheStartOfAFrameUntilReleased(int split) {
    reader.read(Unpooled.wrappedBuffer(Arrays.copyOf(frame(50), split)), ALLOC, this::record);

    assertThat(frames).isEmpty();
    reader.release();
    assertThat(reader.drain()).isNull();
  }

  private void record(ByteBuf frame) {
    try {
      frames.add(ByteBufUtil.getBytes(frame));
    } finally {
      frame.release();
    }
  }

  /** A frame of {@code size} payload bytes, each the low byte of its size plus its position. */
  private static byte[] frame(int size) {
    ByteBuf frame = Unpooled.buffer(4 + size).writeInt(size);
    for (int i = 0; i < size; i++) {
      frame.writeByte(size + i);
    }
    return ByteBufUtil.getBytes(frame);
  }

  private static byte[] concat(byte[]... parts) {
    ByteBuf all = Unpooled.buffer();
    Arrays.stream(parts).forEach(all::writeBytes);
    return ByteBufUtil.getBytes(all);
  }
}
