package dev.chaosjunit.junit;

import static dev.chaosjunit.api.Expectation.ERROR;
import static dev.chaosjunit.api.Expectation.HANG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.api.Chaos;
import dev.chaosjunit.api.Expect;
import dev.chaosjunit.api.FaultAssumption;
import dev.chaosjunit.api.Scenario;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.support.EchoServer;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Every misconfiguration fails with an ExtensionConfigurationException naming annotation, element and fix. */
@DisplayName("@FaultMatrix fails when")
class MisconfigurationTest {

  private static String failure(Class<?> fixture) {
    Throwable thrown = Fixtures.onlyFailure(Fixtures.run(fixture));
    assertThat(thrown).isInstanceOf(ExtensionConfigurationException.class);
    return thrown.getMessage();
  }

  @Nested
  class Names {
    @Test
    void aScenarioNameIsUnknown() {
      assertThat(failure(UnknownScenario.class)).isEqualTo("@FaultMatrix on [UnknownScenario.matrix()]: "
          + "scenarios names unknown @Scenario method [pong]; use one of [ping]");
    }

    @Test
    void aFaultNameIsUnknown() {
      assertThat(failure(UnknownFault.class)).isEqualTo("@FaultMatrix on [UnknownFault.matrix()]: "
          + "faults names unknown @FaultAssumption [slowness]; use one of [slow]");
    }

    @Test
    void anExpectNamesAnUnknownFault() {
      assertThat(failure(ExpectUnknown.class)).isEqualTo("@Expect on [ExpectUnknown.matrix()]: "
          + "fault names unknown fault [sloww]; use one of [slow, no fault]");
    }
  }

  @Nested
  class Declarations {
    @Test
    void aScenarioHasParametersThatCannotBeResolved() {
      assertThat(failure(ScenarioWithParameter.class)).isEqualTo("@Scenario on [ScenarioWithParameter.ping()]: "
          + "parameter of type [java.lang.String] cannot be resolved; declare no parameters, or one of type ChaosTopology");
    }

    @Test
    void aFaultTargetsAnUnknownService() {
      assertThat(failure(UnknownService.class)).isEqualTo("@FaultAssumption on [UnknownService.slow]: fault [slow] "
          + "targets service [db], which no @Chaos field declares (declared: [echo]); fix the service name or "
          + "annotate the container field with @Chaos(\"db\")");
    }

    @Test
    void aProtocolRuleTargetsAServiceOfAnotherProtocol() {
      assertThat(failure(WrongProtocol.class)).isEqualTo("@FaultAssumption on [WrongProtocol.readOnly]: fault "
          + "[readOnly] is a [redis] rule but service [echo] speaks [tcp]; declare the protocol: "
          + "@Chaos(value = \"echo\", protocol = ChaosProtocol.REDIS)");
    }

    @Test
    void theMatrixIsEmpty() {
      assertThat(failure(Empty.class)).isEqualTo("@FaultMatrix on [Empty.matrix()]: the matrix is empty "
          + "(1 scenarios, 0 faults, baseline false); declare @Scenario methods and @FaultAssumption faults, "
          + "or enable the baseline");
    }
  }

  @Nested
  class Expectations {
    @Test
    void twoExpectationsConflict() {
      assertThat(failure(Conflicting.class)).isEqualTo("@Expect on [Conflicting.matrix()]: cell [ping × slow] has "
          + "conflicting expectations @Expect(scenario = [], fault = [slow], value = ERROR) and "
          + "@Expect(scenario = [ping], fault = [], value = HANG); narrow the scenario or fault lists so that one "
          + "@Expect selects each cell");
    }

    @Test
    void aCustomExpectationHasNoCheck() {
      assertThat(failure(CustomWithoutCheck.class)).isEqualTo("@Expect on [CustomWithoutCheck.matrix()]: "
          + "@FaultMatrix(expect = CUSTOM) has no check method; use value = CUSTOM together with check = "
          + "\"<method taking Outcome or Cell, returning boolean>\"");
    }

    @Test
    void aDurationIsMalformed() {
      assertThat(failure(BadDuration.class)).isEqualTo("@Expect on [BadDuration.matrix()]: within [soon] is not "
          + "a duration; write it as 500ms, 5s, 2m, 1h or ISO-8601 like PT5S");
    }
  }

  @TestFixture
  static class Base {
    @Chaos("echo") static InetSocketAddress echo = EchoServer.address();
    @FaultAssumption static Fault slow = Fault.on("echo").latency(Duration.ofMillis(1));

    @Scenario
    String ping() {
      return "ping";
    }
  }

  @TestFixture
  static class UnknownScenario extends Base {
    @FaultMatrix(scenarios = "pong")
    void matrix() {}
  }

  @TestFixture
  static class UnknownFault extends Base {
    @FaultMatrix(faults = "slowness")
    void matrix() {}
  }

  @TestFixture
  static class ExpectUnknown extends Base {
    @FaultMatrix
    @Expect(fault = "sloww", value = ERROR)
    void matrix() {}
  }

  @TestFixture
  static class Conflicting extends Base {
    @FaultMatrix
    @Expect(fault = "slow", value = ERROR)
    @Expect(scenario = "ping", value = HANG)
    void matrix() {}
  }

  @TestFixture
  static class CustomWithoutCheck extends Base {
    @FaultMatrix(expect = dev.chaosjunit.api.Expectation.CUSTOM)
    void matrix() {}
  }

  @TestFixture
  static class BadDuration extends Base {
    @FaultMatrix
    @Expect(fault = "slow", value = ERROR, within = "soon")
    void matrix() {}
  }

  @TestFixture
  static class ScenarioWithParameter {
    @Scenario
    String ping(String unresolvable) {
      return unresolvable;
    }

    @FaultMatrix
    void matrix() {}
  }

  @TestFixture
  static class UnknownService {
    @Chaos("echo") static InetSocketAddress echo = EchoServer.address();
    @FaultAssumption static Fault slow = Fault.on("db").latency(Duration.ofMillis(1));

    @Scenario
    String ping() {
      return "ping";
    }

    @FaultMatrix
    void matrix() {}
  }

  @TestFixture
  static class WrongProtocol {
    @Chaos("echo") static InetSocketAddress echo = EchoServer.address();
    @FaultAssumption static Fault readOnly = Fault.on("echo").redis().command("SET").error("READONLY no");

    @Scenario
    String ping() {
      return "ping";
    }

    @FaultMatrix
    void matrix() {}
  }

  @TestFixture
  static class Empty {
    @Scenario
    String ping() {
      return "ping";
    }

    @FaultMatrix(baseline = false)
    void matrix() {}
  }
}
