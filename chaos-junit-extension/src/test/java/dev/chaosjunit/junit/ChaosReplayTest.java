package dev.chaosjunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.junit.support.TestFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ChaosReplayTest {

  @Test
  void reRunsOneCellByNameAndSeed() {
    StringWriter out = new StringWriter();
    int exit = ChaosReplay.run(new String[] {FaultMatrixExpansionTest.EchoMatrix.class.getName(), "resilience",
        "pingTwice × slow", "9", TestFixture.PARAMETER + "=true"}, new PrintWriter(out));

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("1 tests successful", "7 tests skipped", "0 tests failed");
  }

  @Test
  void reRunsACellOfAMatrixInheritedFromASuperclass() {
    StringWriter out = new StringWriter();
    int exit = ChaosReplay.run(new String[] {SeedTest.InheritsPin.class.getName(), "pinned", "idle × no fault", "13",
        TestFixture.PARAMETER + "=true"}, new PrintWriter(out));

    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString()).contains("1 tests successful");
  }

  @Test
  void failsWithExitCodeOneWhenTheCellFails() {
    StringWriter out = new StringWriter();
    int exit = ChaosReplay.run(new String[] {VerdictsTest.Verdicts.class.getName(), "verdicts", "ping × slow", "9",
        TestFixture.PARAMETER + "=true"}, new PrintWriter(out));

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains("1 tests failed", "seed      = 9");
  }

  @Test
  void explainsItsUsage() {
    StringWriter out = new StringWriter();
    assertThat(ChaosReplay.run(new String[] {"x"}, new PrintWriter(out))).isEqualTo(2);
    assertThat(out.toString()).startsWith("usage: ChaosReplay <test class> <method>");
  }
}
