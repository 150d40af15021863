package dev.chaosjunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.junit.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON per matrix and the self-contained HTML page. */
class ReportTest {

  @Test
  void writesJsonPerMatrixAndOneSelfContainedHtmlPage(@TempDir Path reports) throws IOException {
    Fixtures.run(VerdictsTest.Verdicts.class, Map.of("chaos.reports.dir", reports.toString(), "chaos.seed", "11"));
    Fixtures.run(VerdictsTest.Squatted.class, Map.of("chaos.reports.dir", reports.toString(), "chaos.seed", "11"));

    String json = Files.readString(reports.resolve("Verdicts.verdicts.json"));
    assertThat(json).contains("\"seed\" : 11", "\"faults\" : [ \"no fault\", \"slow\" ]",
        "\"verdict\" : \"fault bypassed\"", "\"verdict\" : \"failed\"", "\"verdict\" : \"passed\"",
        "-Dchaos.cell='ping × slow' -Dchaos.seed=11");
    assertThat(Files.readString(reports.resolve("Squatted.squatted.json"))).contains("\"verdict\" : \"errored\"");
    String html = Files.readString(reports.resolve("index.html"));
    assertThat(html).contains("<h2>Verdicts.verdicts</h2>", "class=\"v-passed\"", "class=\"v-failed\"",
        "class=\"v-fault-bypassed\"", "class=\"v-errored\"", "seed 11")
        .doesNotContain("http://", "https://", "<script");
  }

  @Test
  void writesEachCellsEventsToJsonAndDrawsThemAsATimeline(@TempDir Path reports) throws IOException {
    Fixtures.run(CellEventsTest.Recorded.class, Map.of("chaos.reports.dir", reports.toString()));

    String json = Files.readString(reports.resolve("Recorded.matrix.json"));
    assertThat(json).contains("\"events\" : [ {", "\"kind\" : \"fault-applied\"", "\"kind\" : \"fault-fired\"",
        "\"kind\" : \"connection-opened\"", "\"proxy\" : \"echo\"", "\"fault\" : \"slow\"", "\"atMicros\" : ");
    String html = Files.readString(reports.resolve("index.html"));
    assertThat(html).contains("<svg class=\"timeline\"", "fault-fired echo fault=slow type=toxic action=latency",
        "<text x=\"0\" y=\"13\">echo</text>", "<text x=\"0\" y=\"13\">spare</text>");
  }

  @Test
  void writesAFilteredReRunBesideTheWholeMatrixAndDropsItWhenTheWholeMatrixRunsAgain(@TempDir Path reports)
      throws IOException {
    Map<String, String> whole = Map.of("chaos.reports.dir", reports.toString(), "chaos.seed", "11");
    Fixtures.run(VerdictsTest.Verdicts.class, whole);
    String before = Files.readString(reports.resolve("Verdicts.verdicts.json"));

    Map<String, String> rerun = new java.util.HashMap<>(whole);
    rerun.put("chaos.cell", "ping × slow");
    Fixtures.run(VerdictsTest.Verdicts.class, rerun);

    assertThat(Files.readString(reports.resolve("Verdicts.verdicts.json"))).isEqualTo(before)
        .doesNotContain("\"verdict\" : \"skipped\"");
    assertThat(Files.readString(reports.resolve("Verdicts.verdicts.rerun.json")))
        .contains("\"cellFilter\" : \"ping × slow\"", "\"verdict\" : \"failed\"", "\"verdict\" : \"skipped\"")
        .doesNotContain("\"filtered\"");
    assertThat(Files.readString(reports.resolve("index.html")))
        .contains("<h2>Verdicts.verdicts</h2>", "<h2>Verdicts.verdicts (re-run of ping × slow)</h2>");

    Fixtures.run(VerdictsTest.Verdicts.class, whole);
    assertThat(reports.resolve("Verdicts.verdicts.rerun.json")).doesNotExist();
    assertThat(Files.readString(reports.resolve("index.html"))).doesNotContain("re-run of");
  }
}
