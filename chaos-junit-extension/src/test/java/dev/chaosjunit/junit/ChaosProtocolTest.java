package dev.chaosjunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.proxy.protocol.ProtocolInspectors;
import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ChaosProtocolTest {

  @Test
  void everyDecodedProtocolHasAnInspectorAndEveryInspectorAProtocol() {
    ProtocolInspectors inspectors = ProtocolInspectors.load(getClass().getClassLoader());
    assertThat(Arrays.stream(ChaosProtocol.values())
        .filter(p -> !EnumSet.of(ChaosProtocol.AUTO, ChaosProtocol.TCP).contains(p))
        .map(ChaosProtocol::engineName))
        .containsExactlyInAnyOrderElementsOf(inspectors.names());
  }
}
