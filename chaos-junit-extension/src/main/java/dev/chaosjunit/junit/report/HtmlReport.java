package dev.chaosjunit.junit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One self-contained HTML page (inline CSS, no script, no network): per matrix a grid of scenario rows
 * by fault columns, each cell coloured and marked by its verdict, opening to its details; then each soak
 * ({@link SoakSection}).
 */
final class HtmlReport {

  private static final Map<String, String> ICONS = Map.of("passed", "✔", "failed", "✘",
      "fault bypassed", "⚠", "errored", "‼", "skipped", "–");

  private HtmlReport() {}

  /** Renders every matrix and soak of {@code directory} into its {@code index.html}. */
  static void write(Path directory) {
    Path file = directory.resolve("index.html");
    StringBuilder html = new StringBuilder(Html.HEAD);
    html.append("<h1>chaos-junit report</h1>").append(legend());
    JsonReport.readAll(directory).forEach(matrix -> html.append(section(matrix)));
    JsonReport.readSoaks(directory).forEach(soak -> html.append(SoakSection.of(soak)));
    html.append("</body></html>\n");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the chaos report [" + file + "]", e);
    }
  }

  private static String legend() {
    return "<p class=\"legend\">" + ICONS.keySet().stream().sorted()
        .map(v -> "<span class=\"" + css(v) + "\">" + ICONS.get(v) + " " + v + "</span>")
        .collect(Collectors.joining(" ")) + "</p>";
  }

  private static String section(MatrixData matrix) {
    String rerun = matrix.filtered() ? " (re-run of " + Html.esc(matrix.cellFilter()) + ")" : "";
    StringBuilder out = new StringBuilder("<section><h2>").append(Html.esc(matrix.testClass())).append('.')
        .append(Html.esc(matrix.method())).append(rerun).append("</h2><p class=\"meta\">seed ").append(matrix.seed())
        .append(" · ").append(summary(matrix.cells())).append(time(matrix)).append("</p><table><thead><tr><th>scenario \\ fault</th>");
    for (String fault : matrix.faults()) {
      out.append("<th>").append(Html.esc(fault)).append("</th>");
    }
    out.append("</tr></thead><tbody>");
    for (String scenario : matrix.scenarios()) {
      out.append("<tr><th>").append(Html.esc(scenario)).append("</th>");
      for (String fault : matrix.faults()) {
        out.append(cell(find(matrix.cells(), scenario, fault)));
      }
      out.append("</tr>");
    }
    return out.append("</tbody></table>").append(assertions(matrix)).append("</section>").toString();
  }

  /** Where the class's time went, when the report knows it. */
  private static String time(MatrixData matrix) {
    return matrix.time() == null ? "" : " · " + Html.esc(matrix.time().describe());
  }

  /** The application's assertions over the matrix: counts, and the coverage verdict when it judges one. */
  private static String assertions(MatrixData matrix) {
    if (matrix.assertions().isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("<h3>Assertions").append(matrix.coverage().isEmpty() ? ""
        : " · coverage " + Html.esc(matrix.coverage())).append("</h3><table><thead><tr><th>assertion</th><th>kind"
        + "</th><th>at</th><th>true</th><th>false</th><th>verdict</th></tr></thead><tbody>");
    for (AssertionRecord a : matrix.assertions()) {
      String verdict = !a.problem().isEmpty() ? a.problem() : violated(a) ? "violated" : "ok";
      out.append("<tr class=\"").append(verdict.equals("ok") ? "v-passed" : "v-failed").append("\"><td>")
          .append(Html.esc(a.message())).append("</td><td>").append(Html.esc(a.kind())).append("</td><td>")
          .append(Html.esc(a.location())).append("</td><td>").append(a.trueCount()).append("</td><td>")
          .append(a.falseCount()).append("</td><td>").append(Html.esc(verdict)).append("</td></tr>");
    }
    return out.append("</tbody></table>").toString();
  }

  /** Whether a safety assertion (always, always-or-unreachable, unreachable) was false at least once. */
  private static boolean violated(AssertionRecord a) {
    return a.falseCount() > 0 && !a.kind().equals("sometimes");
  }

  private static String summary(List<CellRecord> cells) {
    return cells.stream().collect(Collectors.groupingBy(CellRecord::verdict, java.util.TreeMap::new,
        Collectors.counting())).entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
  }

  /** The records of a cell: one, or one per iteration. */
  private static List<CellRecord> find(List<CellRecord> cells, String scenario, String fault) {
    return cells.stream().filter(c -> c.scenario().equals(scenario) && c.fault().equals(fault)).toList();
  }

  private static String cell(List<CellRecord> runs) {
    if (runs.isEmpty()) {
      return "<td class=\"v-none\">not run</td>";
    }
    if (runs.size() == 1) {
      return "<td class=\"" + css(runs.get(0).verdict()) + "\">" + details(runs.get(0)) + "</td>";
    }
    return "<td>" + runs.stream().map(run -> "<div class=\"iteration " + css(run.verdict()) + "\">" + details(run)
        + "</div>").collect(Collectors.joining()) + "</td>";
  }

  private static String details(CellRecord cell) {
    long firings = cell.firings().values().stream().mapToLong(Long::longValue).sum();
    return "<details><summary><span class=\"icon\">"
        + ICONS.getOrDefault(cell.verdict(), "?") + "</span> " + Html.esc(cell.verdict()) + "<br><small>"
        + cell.durationMs() + " ms · " + (firings > 0 ? "fired " + firings + "×" : cell.exercised())
        + "</small></summary><dl>"
        + Html.row("cell", "#" + cell.index() + " " + cell.displayName())
        + Html.row("fault", cell.faultDescription()) + Html.row("expected", cell.expected())
        + Html.row("outcome", cell.outcome()) + Html.row("why", cell.reason())
        + Html.row("firings", cell.firings().toString()) + Html.row("fault met", cell.exercised())
        + (cell.isolation().isEmpty() ? "" : Html.row("isolation", cell.isolation()))
        + Html.code("re-run", cell.rerun())
        + Html.code("unique id", cell.uniqueId()) + events(cell) + "</dl></details>";
  }

  private static String events(CellRecord cell) {
    if (cell.events().isEmpty()) {
      return "";
    }
    String lines = cell.events().stream().map(e -> String.format(java.util.Locale.ROOT, "%9.1f ms  %s",
        e.atMicros() / 1000.0, Timeline.describe(e))).collect(Collectors.joining("\n"));
    return "<dt>timeline</dt><dd>" + Timeline.of(cell) + "<details><summary>" + cell.events().size()
        + " events</summary><code>" + Html.esc(lines) + "</code></details></dd>";
  }

  private static String css(String verdict) {
    return "v-" + verdict.replace(' ', '-');
  }
}
