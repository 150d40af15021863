package dev.chaosjunit.junit.internal.buggify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.buggify.Assert;
import dev.chaosjunit.buggify.Buggify;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One session's runtime: what fires, what is counted, what is a violation, and bad input. */
class BuggifySessionTest {

  private final Ledger ledger = new Ledger(new Catalogue("test", List.of(), Set.of()));

  @Test
  void aForcedSiteFiresAtEveryReachAndIsCounted() {
    try (BuggifySession session = BuggifySession.open(1, "cell", false, Set.of("forced"), ledger)) {
      for (int i = 0; i < 5; i++) {
        assertThat(Buggify.hit("forced", 0.0)).isTrue();
      }
      assertThat(Buggify.hit("other", 1.0)).as("random buggify is off").isFalse();
      assertThat(session.firings("forced")).isEqualTo(5);
      assertThat(session.firings("other")).isZero();
    }
    assertThat(Buggify.hit("forced")).as("uninstalled").isFalse();
  }

  @Test
  @SuppressWarnings("try")
  void aQuietPhaseSilencesEverySiteUntilClosedOnce() {
    try (BuggifySession session = BuggifySession.open(1, "cell", false, Set.of("forced"), ledger)) {
      Buggify.Quiet quiet = Buggify.quiet();
      assertThat(Buggify.hit("forced")).isFalse();
      quiet.close();
      quiet.close();
      assertThat(Buggify.hit("forced")).isTrue();
    }
  }

  @Test
  void safetyAssertionsThatFailAreViolationsAndEveryEvaluationIsTallied() {
    try (BuggifySession session = BuggifySession.open(1, "cell", false, Set.of(), ledger)) {
      Assert.always(true, "fine");
      Assert.always(false, "broken", Map.of("status", 503));
      Assert.alwaysOrUnreachable(false, "also broken");
      Assert.sometimes(false, "not yet");
      Assert.unreachable("never here");

      assertThat(session.violations()).containsExactly("always(\"broken\") with details {status=503}",
          "alwaysOrUnreachable(\"also broken\")", "unreachable(\"never here\")");
    }
    assertThat(ledger.coverageProblems()).containsExactly(
        "sometimes(\"not yet\") (not catalogued): never true (false 1×)");
  }

  @Test
  @SuppressWarnings("try")
  void aProbabilityOutsideZeroToOneIsABugInTheCallNamedAsSuch() {
    try (BuggifySession session = BuggifySession.open(1, "cell", true, Set.of(), ledger)) {
      assertThatThrownBy(() -> Buggify.hit("site", 1.5)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Buggify.hit(\"site\", 1.5): the probability must be between 0 and 1");
    }
  }
}
