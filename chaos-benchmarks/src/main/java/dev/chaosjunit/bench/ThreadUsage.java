package dev.chaosjunit.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.List;

/**
 * CPU time and heap allocation of this JVM's live threads whose names start with a prefix (e.g. a proxy
 * engine's event-loop threads), as cumulative counters: the difference of two samples is what those threads
 * used in between. Work done for them on other threads (garbage collection, JIT) is not in it.
 *
 * @param cpuNanos CPU time, user and system
 * @param allocatedBytes bytes allocated on the heap
 */
record ThreadUsage(long cpuNanos, long allocatedBytes) {

  /** The label suffix of the CPU-per-operation figure. */
  static final String CPU = ", proxy CPU";

  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** The counters of the live threads named {@code prefix...} now. */
  static ThreadUsage ofThreadsNamed(String prefix) {
    long[] ids = Arrays.stream(THREADS.getThreadInfo(THREADS.getAllThreadIds())).filter(t -> t != null)
        .filter(t -> t.getThreadName().startsWith(prefix)).mapToLong(ThreadInfo::getThreadId).toArray();
    if (ids.length == 0) {
      throw new IllegalStateException("no thread named " + prefix + "* runs in this JVM: the route's relayThreads()"
          + " must name the threads that carry its traffic (did the engine's thread names change?)");
    }
    return new ThreadUsage(sum(THREADS.getThreadCpuTime(ids)), sum(THREADS.getThreadAllocatedBytes(ids)));
  }

  /** What was used between {@code earlier} and this sample. */
  ThreadUsage since(ThreadUsage earlier) {
    return new ThreadUsage(cpuNanos - earlier.cpuNanos, allocatedBytes - earlier.allocatedBytes);
  }

  /**
   * Per operation of {@code figure} (a rate): its CPU time in microseconds and its allocation in bytes, as
   * figures labelled after it.
   */
  List<Figure> perOperation(Figure figure) {
    return List.of(
        new Figure(figure.label() + CPU, "us/op", cpuNanos / 1e3 / figure.operations(), false),
        new Figure(figure.label() + ", proxy alloc", "B/op", (double) allocatedBytes / figure.operations(), false));
  }

  private static long sum(long[] values) {
    return Arrays.stream(values).filter(v -> v > 0).sum();
  }
}
