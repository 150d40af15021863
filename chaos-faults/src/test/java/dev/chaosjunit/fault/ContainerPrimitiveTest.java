package dev.chaosjunit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.ContainerPrimitive.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ContainerPrimitiveTest {

  @Test
  void eachPrimitiveHasItsDefaultEvidenceAndWindow() {
    assertThat(primitive(Fault.on("db").container().kill()))
        .isEqualTo(new ContainerPrimitive(Kind.KILL, Evidence.CONNECTION_LOST, Duration.ofSeconds(10)));
    assertThat(primitive(Fault.on("db").container().restart()).evidence()).isEqualTo(Evidence.RECONNECTED);
    assertThat(primitive(Fault.on("db").container().pause()).evidence()).isEqualTo(Evidence.NEW_CONNECTION);
    assertThat(primitive(Fault.on("db").container().diskFull()).evidence()).isEqualTo(Evidence.SERVICE_LOG);
  }

  @Test
  void evidenceAndWindowCanBeChosen() {
    ContainerPrimitive pause = primitive(Fault.on("cache").container().detectedBy(Evidence.CONNECTION_LOST)
        .detectedWithin(Duration.ofSeconds(3)).pause());

    assertThat(pause).isEqualTo(new ContainerPrimitive(Kind.PAUSE, Evidence.CONNECTION_LOST, Duration.ofSeconds(3)));
    assertThat(Fault.on("cache").container().detectedWithin(Duration.ofSeconds(3)).pause().describe())
        .isEqualTo("cache: container pause (detected when a new connection through the proxy reached the service,"
            + " within 3000 ms)");
  }

  @Test
  void namingAFaultKeepsItsPrimitives() {
    Fault fault = Fault.on("db").container().kill().and(Fault.on("db").latency(Duration.ofSeconds(1))).named("dbDown");

    assertThat(fault.effects().get(0).effect()).isEqualTo(primitive(Fault.on("db").container().kill()));
    assertThat(fault.effects().get(1).effect().name()).isEqualTo("dbDown");
  }

  @Test
  void aWindowThatIsNotPositiveIsRefused() {
    assertThatThrownBy(() -> Fault.on("db").container().detectedWithin(Duration.ZERO).kill())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the detection window of [kill] must be a positive duration, was [PT0S]");
    assertThatThrownBy(() -> Fault.on("db").container().detectedBy(null))
        .hasMessage("evidence must not be null");
  }

  @Test
  void aClockSkewCarriesItsSkewAndNoOtherKindHasOne() {
    assertThat(primitive(Fault.on("db").container().clockSkew(Duration.ofMinutes(-5))).skew())
        .isEqualTo(Duration.ofMinutes(-5));
    assertThat(Fault.on("db").container().clockSkew(Duration.ofMinutes(5)).describe())
        .startsWith("db: container clock skew by PT5M (detected when");
    assertThatThrownBy(() -> Fault.on("db").container().clockSkew(Duration.ZERO))
        .hasMessage("a clock skew must be a non-zero duration, was [PT0S]");
    assertThatThrownBy(() -> new ContainerPrimitive(Kind.KILL, Evidence.CONNECTION_LOST, Duration.ofSeconds(1),
        Duration.ofSeconds(1))).hasMessage("a skew is non-zero for a clock skew and zero for the other kinds, was"
            + " [PT1S] for [kill]");
  }

  private static ContainerPrimitive primitive(Fault fault) {
    return (ContainerPrimitive) fault.effects().get(0).effect();
  }
}
