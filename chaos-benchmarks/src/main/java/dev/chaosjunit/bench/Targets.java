package dev.chaosjunit.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Issue 6's targets for the chaos proxy with no faults, and issues 3 and 4's for the protocol-aware proxy
 * with a non-matching rule, checked against one run's report.
 */
final class Targets {

  private Targets() {}

  static void print(Report report, String route, PrintStream out) {
    out.println();
    out.println("targets for [" + route + "]:");
    share(report, route, "pipelined", "direct", 60, out);
    share(report, route, "bulk", "direct", 90, out);
    share(report, route, "pipelined", "socat", 100, out);
    share(report, route, "bulk", "socat", 100, out);
    added(report, route, "round trip p50", 30, out);
    share(report, route, "pipelined", ServerProcessRoute.TOXIPROXY, 150, out);
    share(report, route, "bulk", ServerProcessRoute.TOXIPROXY, 100, out);
    atMost(report, route, "round trip p50", ServerProcessRoute.TOXIPROXY, out);
  }

  /**
   * Every rate of {@code route} at least {@code minPercent} of the report's reference route (the L4 relay),
   * and the reference's relay CPU per operation at least {@code minPercent} of the route's (the throughput
   * ratio the relay threads' CPU alone would allow).
   */
  static void printRelative(Report report, String route, double minPercent, PrintStream out) {
    out.println();
    out.println("targets for [" + route + "]:");
    for (String label : report.labels()) {
      Figure f = report.figure(label, route);
      if (f != null && f.higherIsBetter()) {
        share(report, route, label, report.reference(), minPercent, out);
      } else if (label.endsWith(ThreadUsage.CPU)) {
        cpuShare(report, route, label, minPercent, out);
      }
    }
  }

  private static void cpuShare(Report report, String route, String label, double minPercent, PrintStream out) {
    Figure f = report.figure(label, route);
    Figure ref = report.figure(label, report.reference());
    String target = label + " per op: " + report.reference() + " / this >= " + (int) minPercent + " %";
    if (ref == null) {
      out.printf(Locale.ROOT, "  %-60s n/a (no %s figure)%n", target, report.reference());
      return;
    }
    double percent = 100 * ref.value() / f.value();
    out.printf(Locale.ROOT, "  %-60s %6.0f %%  %s%n", target, percent, percent >= minPercent ? "MET" : "MISSED");
  }

  private static void share(Report report, String route, String label, String reference, double minPercent,
      PrintStream out) {
    Figure f = report.figure(label, route);
    Figure ref = report.figure(label, reference);
    if (f == null || ref == null) {
      out.printf(Locale.ROOT, "  %-60s n/a (no %s figure)%n", label + " >= " + (int) minPercent + " % of " + reference, reference);
      return;
    }
    double percent = 100 * f.value() / ref.value();
    out.printf(Locale.ROOT, "  %-60s %6.0f %%  %s%n", label + " >= " + (int) minPercent + " % of " + reference,
        percent, percent >= minPercent ? "MET" : "MISSED");
  }

  /** A latency of {@code route} no higher than {@code reference}'s. */
  private static void atMost(Report report, String route, String label, String reference, PrintStream out) {
    Figure f = report.figure(label, route);
    Figure ref = report.figure(label, reference);
    String target = label + " <= " + reference + "'s";
    if (f == null || ref == null) {
      out.printf(Locale.ROOT, "  %-60s n/a (no %s figure)%n", target, reference);
      return;
    }
    out.printf(Locale.ROOT, "  %-60s %+6.1f us %s%n", target, f.value() - ref.value(), f.value() <= ref.value() ? "MET" : "MISSED");
  }

  private static void added(Report report, String route, String label, double maxMicros, PrintStream out) {
    Figure f = report.figure(label, route);
    Figure direct = report.figure(label, "direct");
    if (f == null || direct == null) {
      return;
    }
    double added = f.value() - direct.value();
    out.printf(Locale.ROOT, "  %-60s %6.1f us %s%n", "added " + label + " <= " + (int) maxMicros + " us", added,
        added <= maxMicros ? "MET" : "MISSED");
  }
}
