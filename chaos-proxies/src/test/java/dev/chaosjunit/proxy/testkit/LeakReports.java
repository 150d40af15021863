package dev.chaosjunit.proxy.testkit;

import io.netty.buffer.AbstractByteBuf;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * What Netty's leak detector reports (run the tests with {@code -Dio.netty.leakDetection.level=paranoid}, as
 * the build does, so that every buffer is tracked): a listener on the detector of all byte buffers keeps each
 * report, so a test fails on it instead of a line in the log.
 */
final class LeakReports {

  private static final List<String> REPORTS = new ArrayList<>();

  static {
    ResourceLeakDetector<ByteBuf> detector = byteBufDetector();
    detector.setLeakListener((type, records) -> {
      synchronized (REPORTS) {
        REPORTS.add(type + records);
      }
    });
  }

  private LeakReports() {}

  /** Fails if Netty reported a leak since the last call (it reports a buffer once a collection found it). */
  static void assertNone() {
    synchronized (REPORTS) {
      if (!REPORTS.isEmpty()) {
        String first = REPORTS.get(0);
        int count = REPORTS.size();
        REPORTS.clear();
        throw new AssertionError("Netty reported " + count + " leaked buffer(s); the first: " + first);
      }
    }
  }

  /**
   * Collects garbage and lets the detector look at what was collected (it does on the next tracked
   * allocation), then fails on a report: slow, for regression runs and every few thousand fuzz inputs.
   */
  static void collectAndAssertNone() throws InterruptedException {
    if (ResourceLeakDetector.getLevel() != ResourceLeakDetector.Level.PARANOID) {
      throw new AssertionError("run with -Dio.netty.leakDetection.level=paranoid (the build sets it), so that"
          + " every buffer is tracked; the level is " + ResourceLeakDetector.getLevel());
    }
    System.gc();
    for (int i = 0; i < 5; i++) {
      Thread.sleep(2);
      PooledByteBufAllocator.DEFAULT.directBuffer(1).release();
    }
    assertNone();
  }

  @SuppressWarnings("unchecked")
  private static ResourceLeakDetector<ByteBuf> byteBufDetector() {
    try {
      Field field = AbstractByteBuf.class.getDeclaredField("leakDetector");
      field.setAccessible(true);
      return (ResourceLeakDetector<ByteBuf>) field.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Netty's AbstractByteBuf.leakDetector is gone: update LeakReports", e);
    }
  }
}
