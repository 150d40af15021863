package dev.chaosjunit.junit.internal.buggify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Buggify's decisions: FoundationDB's rates, and pure functions of their inputs. */
class DecisionsTest {

  @Test
  void aQuarterOfTheSitesAreActiveUnderASeed() {
    long active = IntStream.range(0, 20_000).filter(i -> Decisions.active(42, "site-" + i)).count();

    assertThat(active / 20_000.0).isBetween(0.24, 0.26);
  }

  @Test
  void anActiveSiteFiresWithItsProbability() {
    long fired = IntStream.range(0, 20_000).filter(i -> Decisions.fires(42, "a × b", "site", i, 0.05)).count();

    assertThat(fired / 20_000.0).isBetween(0.045, 0.055);
  }

  @Test
  void decisionsDependOnlyOnSeedCellSiteAndOrdinal() {
    assertThat(Decisions.active(17, "inventory.scan")).isTrue();
    assertThat(Decisions.active(11, "inventory.scan")).isFalse();
    boolean[] first = draws(17, "scanA");
    assertThat(draws(17, "scanA")).isEqualTo(first);
    assertThat(draws(17, "scanB")).isNotEqualTo(first);
    assertThat(draws(18, "scanA")).isNotEqualTo(first);
  }

  private static boolean[] draws(long seed, String cell) {
    boolean[] draws = new boolean[32];
    for (int i = 0; i < draws.length; i++) {
      draws[i] = Decisions.fires(seed, cell, "inventory.scan", i, 0.5);
    }
    return draws;
  }
}
