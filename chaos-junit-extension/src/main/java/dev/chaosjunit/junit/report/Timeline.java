package dev.chaosjunit.junit.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cell's events drawn as an inline SVG: one lane per proxy, time left to right from the cell's start to
 * its last event or the scenario's end, one mark per event (its description as a tooltip; a primitive's on
 * top), and a band over each span from a primitive's apply to its revert.
 */
final class Timeline {

  static final int MAX_MARKS = 500;
  private static final int WIDTH = 300;
  private static final int LANE = 18;
  private static final int LABEL = 50;
  private static final Map<String, String> COLOURS = Map.ofEntries(Map.entry("fault-applied", "#1f5fbf"),
      Map.entry("fault-reverted", "#7f8fa6"), Map.entry("fault-fired", "#d12b2b"), Map.entry("fault-drew", "#e89b0c"),
      Map.entry("connection-opened", "#1c9c46"), Map.entry("connection-closed", "#555555"),
      Map.entry("proxy-disabled", "#7a3bbf"), Map.entry("proxy-enabled", "#b58ee0"),
      Map.entry("primitive-applied", "#b3006b"), Map.entry("primitive-reverted", "#2e7d32"),
      Map.entry("primitive-detected", "#00838f"), Map.entry("primitive-not-detected", "#ff1744"),
      Map.entry("soak-call-succeeded", "#66bb6a"), Map.entry("soak-call-failed", "#ef6c00"));
  private static final String APPLIED = "primitive-applied";
  private static final String REVERTED = "primitive-reverted";

  private Timeline() {}

  /** The SVG and a legend, or nothing when the cell recorded no events. */
  static String of(CellRecord cell) {
    return of(cell.events(), cell.durationMs() * 1000);
  }

  /** The SVG of {@code events} over at least {@code spanMicros} and a legend, or nothing without events. */
  static String of(List<EventRecord> events, long spanMicros) {
    if (events.isEmpty()) {
      return "";
    }
    List<String> lanes = events.stream().map(EventRecord::proxy).distinct().toList();
    long span = Math.max(1, Math.max(spanMicros, events.stream().mapToLong(EventRecord::atMicros).max().orElse(1)));
    int height = lanes.size() * LANE + 16;
    StringBuilder svg = new StringBuilder("<svg class=\"timeline\" width=\"" + (LABEL + WIDTH + 8) + "\" height=\""
        + height + "\" role=\"img\" aria-label=\"timeline\">");
    for (int i = 0; i < lanes.size(); i++) {
      int y = i * LANE;
      svg.append("<text x=\"0\" y=\"").append(y + 13).append("\">").append(Html.esc(lanes.get(i))).append("</text>")
          .append("<line x1=\"").append(LABEL).append("\" x2=\"").append(LABEL + WIDTH).append("\" y1=\"")
          .append(y + 9).append("\" y2=\"").append(y + 9).append("\" stroke=\"#ddd\"/>");
    }
    bands(events, lanes, span, svg);
    events.stream().limit(MAX_MARKS).sorted(Comparator.comparing(e -> e.kind().startsWith("primitive")))
        .forEach(e -> svg.append(mark(e, lanes.indexOf(e.proxy()) * LANE, span)));
    svg.append("<text x=\"").append(LABEL).append("\" y=\"").append(height - 2).append("\">0</text><text x=\"")
        .append(LABEL + WIDTH).append("\" y=\"").append(height - 2).append("\" text-anchor=\"end\">")
        .append(millis(span)).append("</text></svg>");
    String more = events.size() > MAX_MARKS ? " (the first " + MAX_MARKS + " of " + events.size() + " drawn)" : "";
    return svg + "<div class=\"legend-small\">" + legend(events) + more + "</div>";
  }

  /** A band in a primitive's lane from each apply to the next revert of that primitive (or the end). */
  private static void bands(List<EventRecord> events, List<String> lanes, long span, StringBuilder svg) {
    for (int i = 0; i < events.size(); i++) {
      EventRecord applied = events.get(i);
      if (applied.kind().equals(APPLIED)) {
        long end = events.subList(i, events.size()).stream()
            .filter(e -> e.kind().equals(REVERTED) && e.proxy().equals(applied.proxy())
                && e.attributes().get("primitive").equals(applied.attributes().get("primitive")))
            .mapToLong(EventRecord::atMicros).findFirst().orElse(span);
        svg.append("<rect class=\"primitive\" x=\"").append(x(applied.atMicros(), span)).append("\" y=\"")
            .append(lanes.indexOf(applied.proxy()) * LANE + 2).append("\" width=\"")
            .append(String.format(Locale.ROOT, "%.1f", (double) (end - applied.atMicros()) * WIDTH / span))
            .append("\" height=\"").append(LANE - 4).append("\" fill=\"").append(COLOURS.get(APPLIED))
            .append("\" fill-opacity=\"0.12\"/>");
      }
    }
  }

  private static String x(long micros, long span) {
    return String.format(Locale.ROOT, "%.1f", LABEL + (double) micros * WIDTH / span);
  }

  private static String mark(EventRecord e, int y, long span) {
    String colour = COLOURS.getOrDefault(e.kind(), "#000");
    String title = "<title>" + Html.esc(millis(e.atMicros()) + " " + describe(e)) + "</title>";
    String at = x(e.atMicros(), span);
    if (e.kind().equals("fault-applied") || e.kind().equals("fault-reverted") || e.kind().equals(APPLIED)
        || e.kind().equals(REVERTED)) {
      return "<line x1=\"" + at + "\" x2=\"" + at + "\" y1=\"" + y + "\" y2=\"" + (y + LANE) + "\" stroke=\"" + colour
          + "\" stroke-width=\"" + (e.kind().startsWith("primitive") ? 3 : 2) + "\">" + title + "</line>";
    }
    int r = e.kind().startsWith("primitive") ? 5 : e.kind().equals("fault-fired") ? 4 : 3;
    return "<circle cx=\"" + at + "\" cy=\"" + (y + 9) + "\" r=\"" + r + "\" fill=\"" + colour + "\" fill-opacity=\"0.8\">"
        + title + "</circle>";
  }

  private static String legend(List<EventRecord> events) {
    return events.stream().map(EventRecord::kind).distinct().sorted()
        .map(k -> "<span style=\"color:" + COLOURS.getOrDefault(k, "#000") + "\">●</span> " + Html.esc(k))
        .collect(Collectors.joining(" "));
  }

  /** The event as a line: kind, proxy and attributes. */
  static String describe(EventRecord e) {
    String attributes = e.attributes().entrySet().stream().map(a -> a.getKey() + "=" + a.getValue())
        .collect(Collectors.joining(" "));
    return e.kind() + " " + e.proxy() + (attributes.isEmpty() ? "" : " " + attributes);
  }

  private static String millis(long micros) {
    return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
  }
}
