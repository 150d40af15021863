package dev.chaosjunit.junit.internal.run;

import dev.chaosjunit.junit.CellEvent;
import dev.chaosjunit.junit.CellEvents;
import dev.chaosjunit.junit.internal.buggify.BuggifySession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A cell's buggify draws as {@link CellEvent#BUGGIFY_DREW} events, merged by time with the proxies' events. */
final class BuggifyEvents {

  private BuggifyEvents() {}

  /** {@code proxies}' events and the {@code draws}, both timed from {@code start}, in time order. */
  static CellEvents merge(CellEvents proxies, List<BuggifySession.Draw> draws, Instant start) {
    if (draws.isEmpty()) {
      return proxies;
    }
    List<CellEvent> all = new ArrayList<>(proxies.list());
    for (BuggifySession.Draw draw : draws) {
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("site", draw.site());
      attributes.put("ordinal", Long.toString(draw.ordinal()));
      attributes.put("fired", Boolean.toString(draw.fired()));
      attributes.put("forced", Boolean.toString(draw.forced()));
      all.add(new CellEvent(Duration.between(start, draw.at()), CellEvent.BUGGIFY_DREW, "", attributes));
    }
    all.sort(Comparator.comparing(CellEvent::at));
    return CellEvents.of(all);
  }
}
