package dev.chaosjunit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ThreadUsageTest {

  /** Where the worker's allocations escape to, so that the JIT keeps them. */
  private static volatile byte[] allocated;

  @Test
  void countsTheCpuAndAllocationOfTheNamedThreadsOnlyAndDividesThemByTheRatesOperations() throws Exception {
    CountDownLatch measured = new CountDownLatch(1);
    CountDownLatch worked = new CountDownLatch(1);
    Thread worker = new Thread(() -> {
      await(measured);
      // 200 ms of this thread's own CPU, however busy the machine is
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long end = threads.getCurrentThreadCpuTime() + 200_000_000L;
      while (threads.getCurrentThreadCpuTime() < end) {
        allocated = new byte[1024];
      }
      worked.countDown();
      await(new CountDownLatch(1));
    }, "usage-test-worker");
    worker.setDaemon(true);
    worker.start();
    ThreadUsage before = ThreadUsage.ofThreadsNamed("usage-test-");
    long otherBefore = ThreadUsage.ofThreadsNamed("main").cpuNanos();
    measured.countDown();
    worked.await();

    ThreadUsage used = ThreadUsage.ofThreadsNamed("usage-test-").since(before);
    List<Figure> perOperation = used.perOperation(Figure.rate("work", "ops/s", 1000, 200_000_000L));

    assertThat(used.cpuNanos()).isGreaterThanOrEqualTo(200_000_000L);
    assertThat(used.allocatedBytes()).isGreaterThan(1_000_000L);
    assertThat(perOperation).extracting(Figure::label).containsExactly("work, proxy CPU", "work, proxy alloc");
    assertThat(perOperation.get(0).value()).isEqualTo(used.cpuNanos() / 1e3 / 1000);
    assertThat(perOperation.get(1).value()).isEqualTo(used.allocatedBytes() / 1000.0);
    assertThat(ThreadUsage.ofThreadsNamed("main").cpuNanos() - otherBefore).isLessThan(used.cpuNanos());
    worker.interrupt();
  }

  @Test
  void noThreadOfThatNameIsAnError() {
    assertThatThrownBy(() -> ThreadUsage.ofThreadsNamed("no-such-thread-"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no thread named no-such-thread-*");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
