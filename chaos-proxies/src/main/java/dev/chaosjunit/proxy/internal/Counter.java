package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.proxy.FaultCounters;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Seen/fired/connections counters of one toxic or rule. */
final class Counter {

  static final Counter NONE = new Counter();

  private final LongAdder seen = new LongAdder();
  private final AtomicLong fired = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();

  void seen() {
    seen.increment();
  }

  /** Counts a firing (which is also a sighting) and returns its ordinal. */
  long fired() {
    seen.increment();
    return fired.incrementAndGet();
  }

  /** Counts a firing if fewer than {@code limit} happened (0 = no limit); returns its ordinal or -1. */
  long firedWithin(long limit) {
    long n;
    do {
      n = fired.get();
      if (limit > 0 && n >= limit) {
        return -1;
      }
    } while (!fired.compareAndSet(n, n + 1));
    return n + 1;
  }

  /** Counts a connection and stream the fault acted on and returns its ordinal. */
  long connection() {
    return connections.incrementAndGet();
  }

  FaultCounters snapshot() {
    return new FaultCounters(seen.sum(), fired.get(), connections.get());
  }
}
