package dev.chaosjunit.proxy.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GrpcInspectorTest {

  private final GrpcInspector inspector = new GrpcInspector();

  @Test
  void isFoundByTheServiceLoaderUnderItsName() {
    assertThat(ServiceLoader.load(ProtocolInspector.class).stream().map(p -> p.get().name())).contains("grpc");
  }

  @Test
  void acceptsStatusNamesAndNumbersAndMetadataKeys() {
    assertThatCode(() -> {
      inspector.validate(rule(Map.of("method", "/shop.Orders/*"), Action.Type.ERROR, Map.of("code", "unavailable")));
      inspector.validate(rule(Map.of("metadata.x-tenant", "acme"), Action.Type.ERROR, Map.of("code", "4")));
      inspector.validate(rule(Map.of(), Action.Type.DROP, Map.of("mode", "goaway")));
    }).doesNotThrowAnyException();
  }

  @Test
  void percentEncodesStatusMessages() {
    assertThat(GrpcStatus.encodeMessage("50% off: ü")).isEqualTo("50%25 off: %C3%BC");
  }

  @Nested
  @DisplayName("fails when")
  class FailsWhen {

    @Test
    void theMatchKeyIsUnknown() {
      assertThatThrownBy(() -> inspector.validate(rule(Map.of("path", "/x"), Action.Type.DELAY, Map.of())))
          .hasMessageContaining("rule [r]: gRPC has no match key [path]").hasMessageContaining("metadata.<key>");
      assertThatThrownBy(() -> inspector.validate(rule(Map.of("metadata.", "x"), Action.Type.DELAY, Map.of())))
          .hasMessageContaining("[metadata.]");
    }

    @Test
    void theStatusIsNotAnErrorStatus() {
      assertThatThrownBy(() -> inspector.validate(rule(Map.of(), Action.Type.ERROR, Map.of("code", "OK"))))
          .hasMessageContaining("code [OK] is not a gRPC error status");
      assertThatThrownBy(() -> inspector.validate(rule(Map.of(), Action.Type.ERROR, Map.of("code", "17"))))
          .hasMessageContaining("from 1 to 16");
    }

    @Test
    void theActionDoesNotExistForGrpc() {
      assertThatThrownBy(() -> inspector.validate(rule(Map.of(), Action.Type.DUPLICATE, Map.of())))
          .hasMessageContaining("gRPC has no DUPLICATE action");
      assertThatThrownBy(() -> inspector.validate(rule(Map.of(), Action.Type.DROP, Map.of("mode", "fin"))))
          .hasMessageContaining("mode [fin] is unknown");
    }
  }

  private static Rule rule(Map<String, String> match, Action.Type type, Map<String, String> params) {
    return new Rule("r", Direction.UPSTREAM, match, new Action(type, params), 1, 0, 0);
  }
}
