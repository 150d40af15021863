package dev.chaosjunit.junit.report;

import dev.chaosjunit.junit.CellEvent;
import dev.chaosjunit.junit.CellEvents;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event of a cell as reported.
 *
 * @param atMicros when, in microseconds since the cell began
 * @param kind what happened, e.g. {@code fault-fired}
 * @param proxy the service whose proxy it happened in
 * @param attributes what else it carries
 */
record EventRecord(long atMicros, String kind, String proxy, Map<String, String> attributes) {

  EventRecord {
    attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  static List<EventRecord> of(CellEvents events) {
    return events.stream().map(EventRecord::of).toList();
  }

  private static EventRecord of(CellEvent e) {
    return new EventRecord(e.at().toNanos() / 1000, e.kind(), e.proxy(), e.attributes());
  }
}
