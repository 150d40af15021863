package dev.chaosjunit.junit.internal.run;

import dev.chaosjunit.junit.report.TimeRecord;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one test class's time goes: its static initialisation, the containers the extension starts, the
 * proxies, the application's start (everything from the proxies being up to the first test) and the cells
 * of each matrix. Lives in the class's store; when JUnit closes it after the class, it logs one line.
 */
// JUnit closes a Store value that is AutoCloseable from 5.13 on, and one that is a CloseableResource
// (deprecated since 5.13, closed only when AutoCloseable is not) on 5.12 too: both, so one close on each.
@SuppressWarnings("deprecation")
final class ClassTime implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  private static final Logger LOG = LoggerFactory.getLogger(ClassTime.class);

  private final String testClass;
  private final long created = System.nanoTime();
  private long classInitMs;
  private long containersMs;
  private final Map<String, Long> containerMs = new LinkedHashMap<>();
  private long proxiesMs;
  private long proxiesUpAt;
  private long appMs = -1;
  private final Map<String, Long> cellsMs = new LinkedHashMap<>();
  private final Map<String, Integer> cells = new LinkedHashMap<>();

  ClassTime(Class<?> testClass) {
    this.testClass = testClass.getSimpleName();
  }

  synchronized void classInit(Duration took) {
    classInitMs = took.toMillis();
  }

  /** The containers started before the proxies: their wall time together, and each one's start. */
  synchronized void containers(Duration together, Map<String, Duration> each) {
    containersMs = together.toMillis();
    each.forEach((service, took) -> containerMs.put(service, took.toMillis()));
  }

  /** The proxies are up after {@code took}: the application's start begins. */
  synchronized void proxies(Duration took) {
    proxiesMs = took.toMillis();
    proxiesUpAt = System.nanoTime();
  }

  /** A test starts: the first one ends the application's start. */
  synchronized void testStarts() {
    if (appMs < 0 && proxiesUpAt != 0) {
      appMs = Duration.ofNanos(System.nanoTime() - proxiesUpAt).toMillis();
    }
  }

  /** A cell of the matrix {@code method} took {@code took}. */
  synchronized void cell(String method, Duration took) {
    cellsMs.merge(method, took.toMillis(), Long::sum);
    cells.merge(method, 1, Integer::sum);
  }

  /** The class's time up to now, with the cells of {@code method}. */
  synchronized TimeRecord forMatrix(String method) {
    return record(cellsMs.getOrDefault(method, 0L), cells.getOrDefault(method, 0));
  }

  private TimeRecord record(long cellsTook, int cellCount) {
    return new TimeRecord(classInitMs, containersMs, new LinkedHashMap<>(containerMs), proxiesMs, Math.max(appMs, 0),
        cellsTook, cellCount);
  }

  @Override
  public synchronized void close() {
    TimeRecord whole = record(cellsMs.values().stream().mapToLong(Long::longValue).sum(),
        cells.values().stream().mapToInt(Integer::intValue).sum());
    LOG.info("time of {}: {}; class {}", testClass, whole.describe(),
        TimeRecord.seconds(Duration.ofNanos(System.nanoTime() - created).toMillis()));
  }
}
