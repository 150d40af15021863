package dev.chaosjunit.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The printed comparison: one table per figure, routes as rows, ratios against direct and socat. */
final class Report {

  private final Map<String, Map<String, Figure>> byLabel = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  void add(String route, Figure figure) {
    byLabel.computeIfAbsent(figure.label(), l -> new LinkedHashMap<>()).put(route, figure);
  }

  void note(String line) {
    notes.add(line);
  }

  void print(PrintStream out) {
    notes.forEach(n -> out.println("# " + n));
    byLabel.forEach((label, rows) -> table(out, label, rows));
  }

  Figure figure(String labelPrefix, String route) {
    return byLabel.entrySet().stream().filter(e -> e.getKey().startsWith(labelPrefix))
        .map(e -> e.getValue().get(route)).filter(f -> f != null).findFirst().orElse(null);
  }

  private static void table(PrintStream out, String label, Map<String, Figure> rows) {
    Figure direct = rows.get("direct");
    Figure socat = rows.get("socat");
    out.println();
    out.printf(Locale.ROOT, "%-40s %14s %10s %10s%n", label, rows.values().iterator().next().unit(),
        "vs direct", "vs socat");
    rows.forEach((route, f) -> out.printf(Locale.ROOT, "  %-38s %14.1f %10s %10s%n",
        route, f.value(), ratio(f, direct), ratio(f, socat)));
  }

  /** Throughput as a percentage of the reference; latency as the difference in the figure's unit. */
  private static String ratio(Figure f, Figure reference) {
    if (reference == null) {
      return "-";
    }
    if (f.higherIsBetter()) {
      return String.format(Locale.ROOT, "%.0f %%", 100 * f.value() / reference.value());
    }
    return String.format(Locale.ROOT, "%+.1f", f.value() - reference.value());
  }
}
