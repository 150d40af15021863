package dev.chaosjunit.proxy.kafka;

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

class KafkaInspectorTest {

  private static final Action NO_DELAY = new Action.Delay(Duration.ZERO);

  private final KafkaInspector inspector = new KafkaInspector();

  @Test
  void isFoundByTheServiceLoaderUnderItsName() {
    assertThat(ServiceLoader.load(ProtocolInspector.class).stream().map(p -> p.get().name())).contains("kafka");
  }

  @Test
  void acceptsTheDocumentedRules() {
    assertThatCode(() -> {
      inspector.validate(rule(Direction.UPSTREAM, Map.of("api", "PRODUCE", "topic", "orders*"),
          Action.Error.of("not_leader_or_follower", "")));
      inspector.validate(rule(Direction.DOWNSTREAM, Map.of("group", "g", "client_id", "c"), new Action.Drop(null)));
      inspector.validate(rule(Direction.UPSTREAM, Map.of("api", "FETCH"), new Action.Delay(Duration.ofMillis(100))));
      inspector.validate(rule(Direction.UPSTREAM, Map.of("api", "PROD*"), new Action.Duplicate()));
      inspector.validate(rule(Direction.UPSTREAM, Map.of("api", "FindCoordinator"), NO_DELAY));
    }).doesNotThrowAnyException();
  }

  @Nested
  @DisplayName("fails when")
  class FailsWhen {

    @Test
    void theMatchKeyIsNotAKafkaOne() {
      assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of("sql", "x"), NO_DELAY)))
          .hasMessageContaining("rule [r]").hasMessageContaining("[sql]")
          .hasMessageContaining("api, topic, group or client_id");
    }

    @Test
    void theApiIsNotAKafkaApi() {
      assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of("api", "PRODUCER"), NO_DELAY)))
          .hasMessageContaining("[PRODUCER] is not a Kafka API name");
    }

    @Test
    void theErrorCodeIsNotAKafkaError() {
      assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of(), Action.Error.of("53100", ""))))
          .hasMessageContaining("code [53100] is not a Kafka error name").hasMessageContaining("NOT_LEADER_OR_FOLLOWER");
      assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of(), Action.Error.of("NONE", ""))))
          .hasMessageContaining("[NONE] is not an error");
    }

    @Test
    void theActionDoesNotExistForKafka() {
      assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of(), new Action.Respond(Map.of()))))
          .hasMessageContaining("rule [r]: Kafka has no respond action");
      assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of(), new Action.Rewrite(Map.of()))))
          .hasMessageContaining("rule [r]: Kafka has no rewrite action");
      assertThatThrownBy(() -> inspector.validate(rule(Direction.DOWNSTREAM, Map.of(), new Action.Duplicate())))
          .hasMessageContaining("rule [r]: duplicate copies requests; use direction upstream");
    }

    @Test
    void aResponseRuleDropsOtherwiseThanByTimeout() {
      Rule closeOnResponse = rule(Direction.DOWNSTREAM, Map.of(), new Action.Drop(DropMode.CLOSE));
      assertThatThrownBy(() -> inspector.validate(closeOnResponse))
          .hasMessageContaining("rule [r]: a downstream (response) rule drops only with mode=timeout")
          .hasMessageContaining("use an upstream (request) rule for mode [close]");
    }
  }

  private static Rule rule(Direction direction, Map<String, String> match, Action action) {
    return new Rule("r", "", direction, match, action, 1, 0, 0);
  }
}
