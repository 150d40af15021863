package dev.chaosjunit.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The printed comparison: one table per figure, routes as rows, the median of the measured rounds with
 * their range (the noise), and ratios of medians against direct and socat.
 */
final class Report {

  private final Map<String, Map<String, List<Figure>>> byLabel = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  void add(String route, Figure figure) {
    byLabel.computeIfAbsent(figure.label(), l -> new LinkedHashMap<>())
        .computeIfAbsent(route, r -> new ArrayList<>()).add(figure);
  }

  void note(String line) {
    if (!notes.contains(line)) {
      notes.add(line);
    }
  }

  void print(PrintStream out) {
    notes.forEach(n -> out.println("# " + n));
    byLabel.forEach((label, rows) -> table(out, label, rows));
  }

  /** The median figure of a route for the first label starting with {@code labelPrefix}, or null. */
  Figure figure(String labelPrefix, String route) {
    return byLabel.entrySet().stream().filter(e -> e.getKey().startsWith(labelPrefix))
        .map(e -> e.getValue().get(route)).filter(f -> f != null).map(Report::median).findFirst().orElse(null);
  }

  private static Figure median(List<Figure> figures) {
    List<Figure> sorted = new ArrayList<>(figures);
    sorted.sort((a, b) -> Double.compare(a.value(), b.value()));
    return sorted.get(sorted.size() / 2);
  }

  private static void table(PrintStream out, String label, Map<String, List<Figure>> rows) {
    Figure direct = rows.containsKey("direct") ? median(rows.get("direct")) : null;
    Figure socat = rows.containsKey("socat") ? median(rows.get("socat")) : null;
    out.println();
    out.printf(Locale.ROOT, "%-40s %12s %23s %10s %10s%n", label, rows.values().iterator().next().get(0).unit(),
        "range of rounds", "vs direct", "vs socat");
    rows.forEach((route, figures) -> {
      Figure f = median(figures);
      out.printf(Locale.ROOT, "  %-38s %12.1f %23s %10s %10s%n", route, f.value(), range(figures),
          ratio(f, direct), ratio(f, socat));
    });
  }

  private static String range(List<Figure> figures) {
    double min = figures.stream().mapToDouble(Figure::value).min().orElse(0);
    double max = figures.stream().mapToDouble(Figure::value).max().orElse(0);
    return String.format(Locale.ROOT, "%.1f..%.1f", min, max);
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
