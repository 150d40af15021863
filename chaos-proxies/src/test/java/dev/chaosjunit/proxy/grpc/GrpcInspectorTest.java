package dev.chaosjunit.proxy.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import java.time.Duration;
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
      inspector.validate(rule(Map.of("method", "/shop.Orders/*"), Action.Error.of("unavailable", "")));
      inspector.validate(rule(Map.of("metadata.x-tenant", "acme"), Action.Error.of("4", "")));
      inspector.validate(rule(Map.of(), new Action.Drop(DropMode.GOAWAY)));
      inspector.validate(new Rule("r", "", Direction.DOWNSTREAM, Map.of(), goAway("enhance_your_calm"), 1, 0, 0));
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
      assertThatThrownBy(() -> inspector.validate(rule(Map.of("path", "/x"), new Action.Delay(Duration.ZERO))))
          .hasMessageContaining("rule [r]: gRPC has no match key [path]").hasMessageContaining("metadata.<key>");
      assertThatThrownBy(() -> inspector.validate(rule(Map.of("metadata.", "x"), new Action.Delay(Duration.ZERO))))
          .hasMessageContaining("[metadata.]");
    }

    @Test
    void theStatusIsNotAnErrorStatus() {
      assertThatThrownBy(() -> inspector.validate(rule(Map.of(), Action.Error.of("OK", ""))))
          .hasMessageContaining("code [OK] is not a gRPC error status");
      assertThatThrownBy(() -> inspector.validate(rule(Map.of(), Action.Error.of("17", ""))))
          .hasMessageContaining("from 1 to 16");
    }

    @Test
    void theActionDoesNotExistForGrpc() {
      assertThatThrownBy(() -> inspector.validate(rule(Map.of(), new Action.Duplicate())))
          .hasMessageContaining("gRPC has no duplicate action");
      assertThatThrownBy(() -> inspector.validate(rule(Map.of(), new Action.Respond(Map.of()))))
          .hasMessageContaining("gRPC has no respond action");
      assertThatThrownBy(() -> inspector.validate(rule(Map.of(), new Action.Rewrite(Map.of("remove", "x")))))
          .hasMessageContaining("gRPC has no rewrite action");
    }

    @Test
    void aGoAwayHasAnUnknownCodeOrIsGracefulOnResponses() {
      assertThatThrownBy(() -> inspector.validate(rule(Map.of(), goAway("CALM"))))
          .hasMessageStartingWith("rule [r]: unknown HTTP/2 error code [CALM]: use a name or number (0-13) of NO_ERROR,");
      assertThatThrownBy(() -> inspector.validate(new Rule("r", "", Direction.DOWNSTREAM, Map.of(), goAway("0"), 1, 0, 0)))
          .hasMessage("rule [r]: a graceful GOAWAY (code NO_ERROR) refuses a new call, so it is for requests;"
              + " on responses give goaway an error code (e.g. ENHANCE_YOUR_CALM) to end the connection");
    }
  }

  private static Action goAway(String code) {
    return new Action.Drop(DropMode.GOAWAY, Map.of("code", code));
  }

  private static Rule rule(Map<String, String> match, Action action) {
    return new Rule("r", "", Direction.UPSTREAM, match, action, 1, 0, 0);
  }
}
