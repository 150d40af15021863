package dev.chaosjunit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TargetsTest {

  private static final String L4 = "chaos-proxy L4";
  private static final String AWARE = "chaos-proxy protocol-aware";

  @Test
  void relativeTargetIsMetAtNinetyPercentOfTheReferenceAndMissedBelow() {
    Report report = new Report(L4, "vs L4");
    add(report, "tx", 1000, 900);
    add(report, "calls", 1000, 899);

    String printed = printRelative(report);

    assertThat(printed).containsPattern("tx >= 90 % of chaos-proxy L4 +90 %  MET")
        .containsPattern("calls >= 90 % of chaos-proxy L4 +90 %  MISSED");
  }

  @Test
  void cpuTargetIsTheReferencesCpuPerOperationAsAShareOfTheRoutesAndAllocationIsNoTarget() {
    Report report = new Report(L4, "vs L4");
    add(report, "tx", 1000, 1000);
    report.add(L4, new Figure("tx" + ThreadUsage.CPU, "us/op", 9, false));
    report.add(AWARE, new Figure("tx" + ThreadUsage.CPU, "us/op", 10, false));
    report.add(L4, new Figure("calls" + ThreadUsage.CPU, "us/op", 9, false));
    report.add(AWARE, new Figure("calls" + ThreadUsage.CPU, "us/op", 10.1, false));
    report.add(L4, new Figure("tx, proxy alloc", "B/op", 0, false));
    report.add(AWARE, new Figure("tx, proxy alloc", "B/op", 100, false));

    String printed = printRelative(report);

    assertThat(printed).containsPattern("tx, proxy CPU per op: chaos-proxy L4 / this >= 90 % +90 %  MET")
        .containsPattern("calls, proxy CPU per op: chaos-proxy L4 / this >= 90 % +89 %  MISSED")
        .doesNotContain("alloc");
  }

  @Test
  void reportUsesTheMedianOfRoundsAndTheGivenReferenceColumn() {
    Report report = new Report(L4, "vs L4");
    for (double value : new double[] {100, 300, 200}) {
      report.add(L4, new Figure("tx", "tx/s", 400, true));
      report.add(AWARE, new Figure("tx", "tx/s", value, true));
    }

    String printed = print(report);

    assertThat(printed).contains("vs L4").containsPattern(AWARE + " +200\\.0 +100\\.0\\.\\.300\\.0 +- +50 %");
  }

  private static void add(Report report, String label, double l4, double aware) {
    report.add(L4, new Figure(label, "x/s", l4, true));
    report.add(AWARE, new Figure(label, "x/s", aware, true));
  }

  private static String printRelative(Report report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Targets.printRelative(report, AWARE, 90, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String print(Report report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
