package dev.chaosjunit.proxy.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageStartsTest {

  private static final byte[] MESSAGES = H2.grpc("a", "", "x".repeat(300), "bb");

  @Test
  void findsEveryMessageInOneFrame() {
    assertThat(new MessageStarts().in(Unpooled.wrappedBuffer(MESSAGES))).containsExactly(0, 6, 11, 316);
  }

  @Test
  void findsTheSameMessagesHoweverTheBytesAreCutDownToOneByte() {
    for (int size = 1; size < MESSAGES.length; size++) {
      MessageStarts starts = new MessageStarts();
      List<Integer> found = new ArrayList<>();
      for (int from = 0; from < MESSAGES.length; from += size) {
        int length = Math.min(size, MESSAGES.length - from);
        for (int start : starts.in(Unpooled.wrappedBuffer(MESSAGES, from, length).readerIndex(0))) {
          found.add(from + start);
        }
      }
      assertThat(found).as("cut every %d bytes", size).containsExactly(0, 6, 11, 316);
    }
  }

  @Test
  void offsetsAreRelativeToTheReaderIndex() {
    assertThat(new MessageStarts().in(Unpooled.wrappedBuffer(MESSAGES).skipBytes(6))).containsExactly(0, 5, 310);
  }
}
