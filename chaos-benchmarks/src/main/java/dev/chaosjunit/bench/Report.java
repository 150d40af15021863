package dev.chaosjunit.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The printed comparison: one table per figure, routes as rows, the median of the measured rounds with
 * their range (the noise), and ratios of medians against direct and a second reference route (socat for
 * the core suite, the engine as an L4 relay for the protocol suite).
 */
final class Report {

  private final Map<String, Map<String, List<Figure>>> byLabel = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private final String reference;
  private final String referenceHeader;

  /** Ratios against direct and socat. */
  Report() {
    this("socat", "vs socat");
  }

  /**
   * @param reference the route of the second ratio column
   * @param referenceHeader that column's header, e.g. {@code "vs L4"}
   */
  Report(String reference, String referenceHeader) {
    this.reference = reference;
    this.referenceHeader = referenceHeader;
  }

  /** An empty report with the same reference columns (for a warm-up round). */
  Report(Report like) {
    this(like.reference, like.referenceHeader);
  }

  String reference() {
    return reference;
  }

  /** The figure labels, in the order they were first measured. */
  List<String> labels() {
    return List.copyOf(byLabel.keySet());
  }

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

  private void table(PrintStream out, String label, Map<String, List<Figure>> rows) {
    Figure direct = rows.containsKey("direct") ? median(rows.get("direct")) : null;
    Figure second = rows.containsKey(reference) ? median(rows.get(reference)) : null;
    out.println();
    out.printf(Locale.ROOT, "%-40s %12s %23s %10s %10s%n", label, rows.values().iterator().next().get(0).unit(),
        "range of rounds", "vs direct", referenceHeader);
    rows.forEach((route, figures) -> {
      Figure f = median(figures);
      out.printf(Locale.ROOT, "  %-38s %12s %23s %10s %10s%n", route, number(f.value()), range(figures),
          ratio(f, direct), ratio(f, second));
    });
  }

  private static String range(List<Figure> figures) {
    double min = figures.stream().mapToDouble(Figure::value).min().orElse(0);
    double max = figures.stream().mapToDouble(Figure::value).max().orElse(0);
    return number(min) + ".." + number(max);
  }

  /** One decimal, two below 10 (CPU microseconds per operation). */
  private static String number(double value) {
    return String.format(Locale.ROOT, Math.abs(value) < 10 ? "%.2f" : "%.1f", value);
  }

  /** Throughput as a percentage of the reference; latency as the difference in the figure's unit. */
  private static String ratio(Figure f, Figure reference) {
    if (reference == null) {
      return "-";
    }
    if (f.higherIsBetter()) {
      return String.format(Locale.ROOT, "%.0f %%", 100 * f.value() / reference.value());
    }
    double difference = f.value() - reference.value();
    return (difference >= 0 ? "+" : "") + number(difference);
  }
}
