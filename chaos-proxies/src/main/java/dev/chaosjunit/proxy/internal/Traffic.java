package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.proxy.ProxyStats;
import java.util.concurrent.atomic.LongAdder;

/** A proxy's traffic counters. */
final class Traffic {

  private final LongAdder accepted = new LongAdder();
  private final LongAdder bytesUp = new LongAdder();
  private final LongAdder bytesDown = new LongAdder();

  void accepted() {
    accepted.increment();
  }

  void bytes(boolean upstream, long n) {
    (upstream ? bytesUp : bytesDown).add(n);
  }

  ProxyStats snapshot(long active) {
    return new ProxyStats(accepted.sum(), active, bytesUp.sum(), bytesDown.sum());
  }
}
