package dev.chaosjunit.proxy.internal;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.util.UncheckedBooleanSupplier;
import java.util.function.BooleanSupplier;

/**
 * How one channel reads: up to 256 KiB a read, and, although auto-read is off, more reads in the same
 * wake-up while the last one filled its buffer and the channel's reader asked for more during it (its
 * flow is not held back by its sink). The reads of one wake-up reach the sink in one flush (see {@link
 * Flow}), so a bulk stream costs fewer system calls; the reader's asking keeps the backpressure as it was.
 */
final class ReadBatch implements RecvByteBufAllocator {

  private final int maxReads;
  private final RecvByteBufAllocator sizes = new AdaptiveRecvByteBufAllocator(512, 16 * 1024, 256 * 1024);
  private volatile BooleanSupplier wantsMore = () -> false;

  /** @param maxReads reads per wake-up at most (bounds how long one channel keeps its event loop) */
  ReadBatch(int maxReads) {
    this.maxReads = maxReads;
  }

  /** The channel's batches, which its reader sets up with {@link #readWhile}. */
  static ReadBatch of(Channel channel) {
    return (ReadBatch) channel.config().getRecvByteBufAllocator();
  }

  /** Reads on within a wake-up only while {@code wantsMore} says the reader asked for the next chunk. */
  void readWhile(BooleanSupplier wantsMore) {
    this.wantsMore = wantsMore;
  }

  @Override
  public Handle newHandle() {
    return new Batch(sizes.newHandle());
  }

  private final class Batch extends DelegatingHandle implements ExtendedHandle {

    private int reads;

    Batch(Handle sizes) {
      super(sizes);
    }

    @Override
    public void reset(ChannelConfig config) {
      reads = 0;
      super.reset(config);
    }

    @Override
    public void incMessagesRead(int numMessages) {
      reads += numMessages;
      super.incMessagesRead(numMessages);
    }

    @Override
    public boolean continueReading() {
      return continueReading(() -> lastBytesRead() == attemptedBytesRead());
    }

    /** The native transports ask with their own hint that more data is waiting. */
    @Override
    public boolean continueReading(UncheckedBooleanSupplier maybeMoreData) {
      return reads < maxReads && lastBytesRead() > 0 && maybeMoreData.get() && wantsMore.getAsBoolean();
    }
  }
}
