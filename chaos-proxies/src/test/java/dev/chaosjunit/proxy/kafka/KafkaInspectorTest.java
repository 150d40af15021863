package dev.chaosjunit.proxy.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KafkaInspectorTest {

  private final KafkaInspector inspector = new KafkaInspector();

  @Test
  void isFoundByTheServiceLoaderUnderItsName() {
    assertThat(ServiceLoader.load(ProtocolInspector.class).stream().map(p -> p.get().name())).contains("kafka");
  }

  @Test
  void acceptsTheDocumentedRules() {
    assertThatCode(() -> {
      inspector.validate(rule(Direction.UPSTREAM, Map.of("api", "PRODUCE", "topic", "orders*"), Action.Type.ERROR,
          Map.of("code", "not_leader_or_follower")));
      inspector.validate(rule(Direction.DOWNSTREAM, Map.of("group", "g", "client_id", "c"), Action.Type.DROP, Map.of()));
      inspector.validate(rule(Direction.UPSTREAM, Map.of("api", "FETCH"), Action.Type.DELAY, Map.of("ms", "100")));
      inspector.validate(rule(Direction.UPSTREAM, Map.of("api", "PROD*"), Action.Type.DUPLICATE, Map.of()));
      inspector.validate(rule(Direction.UPSTREAM, Map.of("api", "FindCoordinator"), Action.Type.DELAY, Map.of()));
    }).doesNotThrowAnyException();
  }

  @Nested
  @DisplayName("fails when")
  class FailsWhen {

    @Test
    void theMatchKeyIsNotAKafkaOne() {
      assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of("sql", "x"), Action.Type.DELAY, Map.of())))
          .hasMessageContaining("rule [r]").hasMessageContaining("[sql]").hasMessageContaining("api, topic, group or client_id");
    }

    @Test
    void theApiIsNotAKafkaApi() {
      assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of("api", "PRODUCER"), Action.Type.DELAY, Map.of())))
          .hasMessageContaining("[PRODUCER] is not a Kafka API name");
    }

    @Test
    void theDelayIsNotWholeMilliseconds() {
      assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of(), Action.Type.DELAY, Map.of("ms", "1s"))))
          .hasMessageContaining("rule [r]: DELAY needs ms = a whole number of milliseconds, was [1s]");
    }

    @Test
    void theErrorCodeIsNotAKafkaError() {
      assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of(), Action.Type.ERROR, Map.of("code", "53100"))))
          .hasMessageContaining("code [53100] is not a Kafka error name").hasMessageContaining("NOT_LEADER_OR_FOLLOWER");
      assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of(), Action.Type.ERROR, Map.of("code", "NONE"))))
          .hasMessageContaining("[NONE] is not an error");
    }

    @Test
    void theActionDoesNotExistForKafka() {
      assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of(), Action.Type.RESPOND, Map.of())))
          .hasMessageContaining("Kafka has no RESPOND action");
      assertThatThrownBy(() -> inspector.validate(rule(Direction.DOWNSTREAM, Map.of(), Action.Type.DUPLICATE, Map.of())))
          .hasMessageContaining("use direction REQUEST");
      assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of(), Action.Type.DROP, Map.of("mode", "later"))))
          .hasMessageContaining("mode [later] is unknown");
    }
  }

  private static Rule rule(Direction direction, Map<String, String> match, Action.Type type, Map<String, String> params) {
    return new Rule("r", direction, match, new Action(type, params), 1, 0, 0);
  }
}
