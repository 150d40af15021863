package dev.chaosjunit.proxy.testkit;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's pooled allocator, keeping every buffer it hands out, so that a test can tell at once, without
 * waiting for a garbage collection, which of them were never released.
 */
final class TrackingAllocator extends AbstractByteBufAllocator {

  private final ByteBufAllocator pool = PooledByteBufAllocator.DEFAULT;
  private final List<ByteBuf> handedOut = new ArrayList<>();

  TrackingAllocator() {
    super(true);
  }

  /** The buffers handed out that are not released yet. */
  List<ByteBuf> unreleased() {
    return handedOut.stream().filter(b -> b.refCnt() > 0).toList();
  }

  /** Releases what is still held, so that one leak found does not pile up in the pool. */
  void releaseAll() {
    for (ByteBuf buf : unreleased()) {
      buf.release(buf.refCnt());
    }
  }

  @Override
  protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
    return track(pool.directBuffer(initialCapacity, maxCapacity));
  }

  @Override
  protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
    return track(pool.heapBuffer(initialCapacity, maxCapacity));
  }

  @Override
  public CompositeByteBuf compositeDirectBuffer(int maxNumComponents) {
    return track(super.compositeDirectBuffer(maxNumComponents));
  }

  @Override
  public CompositeByteBuf compositeHeapBuffer(int maxNumComponents) {
    return track(super.compositeHeapBuffer(maxNumComponents));
  }

  @Override
  public boolean isDirectBufferPooled() {
    return true;
  }

  private <B extends ByteBuf> B track(B buf) {
    handedOut.add(buf);
    return buf;
  }
}
