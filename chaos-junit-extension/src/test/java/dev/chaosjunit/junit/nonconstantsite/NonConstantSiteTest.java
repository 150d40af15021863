package dev.chaosjunit.junit.nonconstantsite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.buggify.Buggify;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.support.EchoFixture;
import dev.chaosjunit.junit.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A buggify site whose name is computed cannot be catalogued, so a fault cannot name it: discovery fails. */
class NonConstantSiteTest {

  @Test
  void failsAtDiscoveryNamingTheCallAndItsLine() {
    EngineExecutionResults results = Fixtures.run(ComputedSite.class);

    assertThat(Fixtures.started(results)).isEmpty();
    assertThat(Fixtures.onlyFailure(results)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@FaultMatrix on [ComputedSite.matrix()]: Buggify.hit at NonConstantSiteTest.java:35"
            + " (dev.chaosjunit.junit.nonconstantsite.NonConstantSiteTest$ComputedSite.shard) names its site that"
            + " is not a string constant, so the catalogue cannot know it before the run; write the name as a"
            + " string literal (it identifies the site across the run and in Fault.buggify)");
  }

  static class ComputedSite extends EchoFixture {

    @FaultAssumption static Fault shardDown = Fault.buggify("shard.1");

    static boolean shard(int n) {
      return Buggify.hit("shard." + n);
    }

    @FaultMatrix
    void matrix() {}
  }
}
