package dev.chaosjunit.junit.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Where a test class's time went before and during a matrix, in milliseconds of wall time.
 *
 * @param classInitMs initialising the test class's static fields (a shared-containers holder starts its
 *     containers there)
 * @param containersMs starting the {@code @Chaos} containers that were not running (in parallel)
 * @param containerMs each of those containers' start, by service name, in start order
 * @param proxiesMs starting the proxies in front of the services
 * @param appMs from the proxies being up to the first test: {@code @BeforeAll} methods (the application's
 *     start), the test instance, other extensions
 * @param cellsMs the matrix's cells: reset, faults, scenario, judgement, isolation check
 * @param cells how many cells ran
 */
@API(status = INTERNAL, since = "0.1")
public record TimeRecord(long classInitMs, long containersMs, Map<String, Long> containerMs, long proxiesMs,
    long appMs, long cellsMs, int cells) {

  public TimeRecord {
    containerMs = containerMs == null ? Map.of() : containerMs;
  }

  /** One line: {@code containers 3.4 s (kafka 3.3 s, db 1.2 s), proxies 0.3 s, app 2.1 s, cells 11.3 s (24)}. */
  public String describe() {
    String started = containerMs.isEmpty() ? "" : containerMs.entrySet().stream()
        .map(e -> e.getKey() + " " + seconds(e.getValue())).collect(Collectors.joining(", ", " (", ")"));
    return "class init " + seconds(classInitMs) + ", containers " + seconds(containersMs) + started + ", proxies "
        + seconds(proxiesMs) + ", app " + seconds(appMs) + ", cells " + seconds(cellsMs) + " (" + cells + ")";
  }

  /** Milliseconds as seconds with one decimal: {@code 3.4 s}. */
  public static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
