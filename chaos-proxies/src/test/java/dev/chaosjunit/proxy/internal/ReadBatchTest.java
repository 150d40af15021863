package dev.chaosjunit.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * When a relayed socket reads again in the same wake-up: only while its last read filled the buffer and its
 * flow asked for more (which it does only while its sink is writable), so read batches keep the backpressure.
 * The handle is driven as a transport's read loop drives it (no socket is needed to decide).
 */
class ReadBatchTest {

  private final AtomicBoolean flowWantsMore = new AtomicBoolean(true);

  @Test
  void readsOnWhileReadsFillTheBufferAndTheFlowAsks() {
    RecvByteBufAllocator.ExtendedHandle handle = handle(8);
    read(handle, true);
    assertThat(handle.continueReading()).isTrue();
    flowWantsMore.set(false);
    assertThat(handle.continueReading()).as("the flow is held back by its sink").isFalse();
  }

  @Test
  void stopsAtAReadThatDidNotFillItsBuffer() {
    RecvByteBufAllocator.ExtendedHandle handle = handle(8);
    read(handle, false);
    assertThat(handle.continueReading()).isFalse();
  }

  @Test
  void stopsAfterItsReadsPerWakeup() {
    RecvByteBufAllocator.ExtendedHandle handle = handle(3);
    read(handle, true);
    for (int i = 2; i <= 3; i++) {
      assertThat(handle.continueReading()).as("before read %d", i).isTrue();
      read(handle, true);
    }
    assertThat(handle.continueReading()).isFalse();
    handle.reset(new EmbeddedChannel().config());
    read(handle, true);
    assertThat(handle.continueReading()).as("a new wake-up starts a new batch").isTrue();
  }

  @Test
  void ioUringReadsOncePerBatch() {
    RecvByteBufAllocator.ExtendedHandle handle = (RecvByteBufAllocator.ExtendedHandle) Transport.IO_URING.readBatch()
        .newHandle();
    handle.reset(new EmbeddedChannel().config());
    read(handle, true);
    assertThat(handle.continueReading(() -> true)).isFalse();
  }

  private RecvByteBufAllocator.ExtendedHandle handle(int maxReads) {
    ReadBatch batch = new ReadBatch(maxReads);
    batch.readWhile(flowWantsMore::get);
    RecvByteBufAllocator.ExtendedHandle handle = (RecvByteBufAllocator.ExtendedHandle) batch.newHandle();
    handle.reset(new EmbeddedChannel().config());
    return handle;
  }

  /** One read as a transport does it: allocate, read into the buffer (all of it or part), count. */
  private static void read(RecvByteBufAllocator.ExtendedHandle handle, boolean filled) {
    ByteBuf buffer = handle.allocate(UnpooledByteBufAllocator.DEFAULT);
    int bytes = filled ? buffer.writableBytes() : buffer.writableBytes() / 2;
    handle.attemptedBytesRead(buffer.writableBytes());
    handle.lastBytesRead(bytes);
    handle.incMessagesRead(1);
    buffer.release();
  }
}
