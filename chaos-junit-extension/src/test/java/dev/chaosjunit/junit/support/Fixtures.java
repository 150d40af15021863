package dev.chaosjunit.junit.support;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs fixture classes through the Jupiter engine and reads the events. */
public final class Fixtures {

  private Fixtures() {}

  public static EngineExecutionResults run(Class<?> fixture) {
    return run(fixture, Map.of());
  }

  public static EngineExecutionResults run(Class<?> fixture, Map<String, String> parameters) {
    return run(selectClass(fixture), parameters);
  }

  public static EngineExecutionResults run(DiscoverySelector selector, Map<String, String> parameters) {
    return EngineTestKit.engine("junit-jupiter").selectors(selector)
        .configurationParameter(TestFixture.PARAMETER, "true").configurationParameters(parameters).execute();
  }

  /** Display names of the tests that started, in order. */
  public static List<String> started(EngineExecutionResults results) {
    return results.testEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
  }

  /** The throwable of the only failed event, test or container. */
  public static Throwable onlyFailure(EngineExecutionResults results) {
    List<Event> failed = results.allEvents().failed().list();
    if (failed.size() != 1) {
      throw new AssertionError("expected exactly one failed event, got " + failed.size() + ": " + failed);
    }
    return failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
  }

  /** Fails with the cause when a class or template failed as a whole (e.g. a container did not start). */
  public static void assertNoContainerFailed(EngineExecutionResults results) {
    results.containerEvents().failed().stream().findFirst().ifPresent(e -> {
      throw new AssertionError("container [" + e.getTestDescriptor().getDisplayName() + "] failed",
          e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElse(null));
    });
  }

  /** Display name to failure message of the failed tests, in order. */
  public static Map<String, String> failures(EngineExecutionResults results) {
    Map<String, String> byName = new java.util.LinkedHashMap<>();
    results.testEvents().failed().stream().forEach(e -> byName.put(e.getTestDescriptor().getDisplayName(),
        e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage()));
    return byName;
  }

  /** Display name to skip reason of the skipped tests, in order. */
  public static Map<String, String> skipped(EngineExecutionResults results) {
    Map<String, String> byName = new java.util.LinkedHashMap<>();
    results.testEvents().skipped().stream().forEach(e -> byName.put(e.getTestDescriptor().getDisplayName(),
        e.getPayload(String.class).orElse("")));
    return byName;
  }
}
