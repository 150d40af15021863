package dev.chaosjunit.junit.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.junit.SoakResult;
import java.nio.file.Path;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Writes a finished soak to {@code soaks/<Class>.<method>.json} in the reports directory (a later soak of the
 * same method replaces it) and re-renders the directory's HTML page.
 */
@API(status = INTERNAL, since = "0.1")
public final class SoakReporting {

  private SoakReporting() {}

  /** Reports {@code result}, run by {@code method} of {@code testClass}, in {@code directory}. */
  public static void write(Path directory, String testClass, String method, SoakResult result) {
    SoakRecord soak = new SoakRecord(testClass, method, result.seed(), result.budgetPercent(), result.flakePercent(),
        result.elapsed().toMillis(), result.summary(), result.events().stream().map(SoakReporting::event).toList());
    JsonReport.write(soak, directory.resolve(JsonReport.SOAKS).resolve(testClass + "." + method + ".json"));
    HtmlReport.write(directory);
  }

  private static SoakRecord.Event event(SoakResult.Event e) {
    return new SoakRecord.Event(e.at().toMillis(), e.fault(), e.detected(),
        e.detectionLatency().map(Duration::toMillis).orElse(-1L), e.recovered(), e.calls(), e.failedCalls(),
        EventRecord.of(e.events()));
  }
}
