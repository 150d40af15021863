package dev.chaosjunit.junit.report;

import java.util.Locale;

/**
 * A soak on the HTML page: its numbers, a strip of its chaos events over the soak's time (a flake red, the
 * others green), and per event its outcome and its timeline (primitives applied, detected and reverted, the
 * proxies' connections, the workload's calls), drawn like a cell's.
 */
final class SoakSection {

  private static final int WIDTH = 600;
  private static final int HEIGHT = 22;

  private SoakSection() {}

  static String of(SoakRecord soak) {
    StringBuilder out = new StringBuilder("<section class=\"soak\"><h2>").append(Html.esc(soak.testClass()))
        .append('.').append(Html.esc(soak.method())).append(" · soak</h2><p class=\"meta ")
        .append(soak.withinBudget() ? "v-passed" : "v-failed").append("\">")
        .append(soak.withinBudget() ? "within its flake budget" : "EXCEEDED its flake budget").append(" · ")
        .append(Html.esc(soak.summary())).append("</p>").append(strip(soak))
        .append("<table><thead><tr><th>at</th><th>fault</th><th>detected</th><th>recovered</th><th>calls failed</th>"
            + "<th>timeline</th></tr></thead><tbody>");
    soak.events().forEach(e -> out.append(row(e)));
    return out.append("</tbody></table></section>").toString();
  }

  /** The soak's time axis with one box per event, from its start to the next event's. */
  private static String strip(SoakRecord soak) {
    long span = Math.max(1, soak.elapsedMs());
    StringBuilder svg = new StringBuilder("<svg class=\"timeline\" width=\"" + (WIDTH + 8) + "\" height=\""
        + (HEIGHT + 14) + "\" role=\"img\" aria-label=\"soak timeline\">");
    for (int i = 0; i < soak.events().size(); i++) {
      SoakRecord.Event e = soak.events().get(i);
      long end = i + 1 < soak.events().size() ? soak.events().get(i + 1).atMs() : span;
      svg.append("<rect x=\"").append(x(e.atMs(), span)).append("\" y=\"0\" width=\"")
          .append(String.format(Locale.ROOT, "%.1f", Math.max(1.0, (double) (end - e.atMs()) * WIDTH / span - 1)))
          .append("\" height=\"").append(HEIGHT).append("\" fill=\"").append(e.flake() ? "#fbd5d5" : "#d4f4dd")
          .append("\" stroke=\"").append(e.flake() ? "#8a1010" : "#0b5a1e").append("\"><title>")
          .append(Html.esc("+" + e.atMs() + " ms " + e.fault() + ": " + outcome(e))).append("</title></rect>");
    }
    return svg.append("<text x=\"0\" y=\"").append(HEIGHT + 12).append("\">0 s</text><text x=\"").append(WIDTH)
        .append("\" y=\"").append(HEIGHT + 12).append("\" text-anchor=\"end\">").append(span / 1000)
        .append(" s</text></svg>").toString();
  }

  private static String row(SoakRecord.Event e) {
    return "<tr class=\"" + (e.flake() ? "v-failed" : "v-passed") + "\"><td>+" + e.atMs() + " ms</td><td>"
        + Html.esc(e.fault()) + "</td><td>" + (e.detected() ? "yes" + (e.detectionLatencyMs() < 0 ? ""
            : ", after " + e.detectionLatencyMs() + " ms") : "NO") + "</td><td>" + (e.recovered() ? "yes" : "NO")
        + "</td><td>" + e.failedCalls() + " of " + e.calls() + "</td><td>" + Timeline.of(e.events(), 0) + "</td></tr>";
  }

  private static String outcome(SoakRecord.Event e) {
    return (e.detected() ? "detected" : "NOT DETECTED") + ", " + (e.recovered() ? "recovered" : "NOT RECOVERED")
        + ", " + e.failedCalls() + " of " + e.calls() + " calls failed";
  }

  private static String x(long ms, long span) {
    return String.format(Locale.ROOT, "%.1f", (double) ms * WIDTH / span);
  }
}
