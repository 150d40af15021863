package dev.chaosjunit.junit.nonconstant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.buggify.Assert;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.support.EchoFixture;
import dev.chaosjunit.junit.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** An assertion whose message is computed cannot be catalogued: the matrix fails at discovery, naming the call. */
class NonConstantMessageTest {

  @Test
  void failsAtDiscoveryNamingTheCallAndItsLine() {
    EngineExecutionResults results = Fixtures.run(Computed.class);

    assertThat(Fixtures.started(results)).isEmpty();
    assertThat(Fixtures.onlyFailure(results)).isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@FaultMatrix on [Computed.matrix()]: Assert.sometimes at NonConstantMessageTest.java:36"
            + " (dev.chaosjunit.junit.nonconstant.NonConstantMessageTest$Computed.check) names its assertion with a"
            + " message that is not a string constant, so the catalogue cannot know it before the run; write the"
            + " name as a string literal (it identifies the assertion across the run; put varying values in its"
            + " details)");
  }

  static class Computed extends EchoFixture {

    @FaultAssumption static Fault down = Fault.on("echo").refuseConnections();

    static void check(int size) {
      Assert.sometimes(size > 3, "size " + size + " was big");
    }

    @FaultMatrix(coverage = Computed.class)
    void matrix() {}
  }
}
