package dev.chaosjunit.junit.internal.run;

import dev.chaosjunit.junit.internal.ChaosConfig;
import dev.chaosjunit.junit.internal.plan.CellPlan;
import dev.chaosjunit.proxy.rule.Glob;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code chaos.cell} filter: comma-separated {@code scenario × fault} entries, each side a glob
 * ({@code *} matches anything); an entry without {@code ×} names scenarios.
 */
final class CellFilter {

  private final String text;
  private final List<Glob[]> entries;

  private CellFilter(String text) {
    this.text = text;
    this.entries = Arrays.stream(text.split(",")).map(String::trim).filter(e -> !e.isEmpty())
        .map(CellFilter::entry).toList();
  }

  static CellFilter parse(String text) {
    return new CellFilter(text);
  }

  boolean accepts(CellPlan cell) {
    return entries.stream().anyMatch(e -> e[0].matches(cell.scenario().name()) && e[1].matches(cell.faultName()));
  }

  String describe() {
    return ChaosConfig.CELL + "=[" + text + "]";
  }

  private static Glob[] entry(String entry) {
    int cross = entry.indexOf('×');
    String scenario = cross < 0 ? entry : entry.substring(0, cross).trim();
    String fault = cross < 0 ? "*" : entry.substring(cross + 1).trim();
    return new Glob[] {Glob.compile(scenario), Glob.compile(fault)};
  }
}
