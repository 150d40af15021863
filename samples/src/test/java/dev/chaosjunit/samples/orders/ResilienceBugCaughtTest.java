package dev.chaosjunit.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The matrix catches a real resilience bug: with the cache fallback switched off, listing while the
 * cache is down goes red with the service's 503 naming the cache. Cells of other scenarios keep their
 * verdicts. (Listing cells right after the outage may fail too, while Lettuce reconnects: the same
 * bug, seen a little longer.)
 */
class ResilienceBugCaughtTest {

  @Test
  void withoutTheCacheFallbackListingFailsWhileTheCacheIsDownAndNothingElseDoes() {
    Events cells = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(OrdersMatrixWithoutCacheFallback.class))
        // The deliberately broken service's red matrix gets a report of its own, apart from the suite's.
        .configurationParameter("chaos.reports.dir", "target/chaos-reports/without-cache-fallback")
        .execute().testEvents();

    List<String> failed = names(cells.failed());
    assertThat(failed).contains("listOrders × cacheDown").allMatch(name -> name.startsWith("listOrders × "));
    assertThat(cells.failed().stream().map(ResilienceBugCaughtTest::message))
        .allMatch(message -> message.contains("503") && message.contains("cache"));
    assertThat(cells.succeeded().count()).isEqualTo(24 - failed.size());
  }

  private static String message(Event event) {
    return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
        .map(Throwable::getMessage).orElse("");
  }

  private static List<String> names(Events events) {
    return events.stream().map(Event::getTestDescriptor).map(d -> d.getDisplayName()).toList();
  }
}
