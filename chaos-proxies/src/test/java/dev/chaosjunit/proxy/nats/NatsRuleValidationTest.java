package dev.chaosjunit.proxy.nats;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NatsRuleValidationTest {

  private final NatsInspector inspector = new NatsInspector();

  static Rule rule(Direction direction, Map<String, String> match, Action action) {
    return new Rule("r", "nats", direction, match, action, 1, 0, 0);
  }

  @Test
  void acceptsWhatTheSessionCarriesOut() {
    assertThatCode(() -> {
      inspector.validate(rule(Direction.UPSTREAM, Map.of("subject", "orders.>"), Action.Error.of("", "")));
      inspector.validate(rule(Direction.DOWNSTREAM, Map.of("subject", "*.new"), new Action.Drop(null)));
      inspector.validate(rule(Direction.DOWNSTREAM, Map.of(), new Action.Drop(DropMode.RESET)));
      inspector.validate(rule(Direction.UPSTREAM, Map.of(), new Action.Delay(Duration.ofMillis(5))));
    }).doesNotThrowAnyException();
  }

  @Test
  void namesTheProblemAndTheFix() {
    assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of("topic", "a"), new Action.Drop(null))))
        .hasMessage("nats rule [r] has no match key [topic] for nats: use [subject]");
    assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of("subject", "a.>.b"), new Action.Drop(null))))
        .hasMessageStartingWith("nats rule [r] has a bad [subject]: NATS subject pattern [a.>.b] has [>] before its last token");
    assertThatThrownBy(() -> inspector.validate(rule(Direction.DOWNSTREAM, Map.of(), Action.Error.of("", ""))))
        .hasMessage("nats rule [r] has an error on deliveries (direction [downstream]): nats-server sends -ERR for a"
            + " client's operation, so put the error on publishes (direction [upstream]) or drop or delay the delivery");
    assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of(), Action.Error.of("403", ""))))
        .hasMessage("nats rule [r] has error code [403] or parameters []: a NATS error is its -ERR text only, set the message alone");
    assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of(), Action.Error.of("", "it's bad"))))
        .hasMessageEndingWith("has an error message with a quote or a line break: -ERR carries it in single quotes on one line, remove them");
    assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of(), new Action.Drop(DropMode.TIMEOUT))))
        .hasMessage("nats rule [r] has drop mode [timeout]: use none (the message alone is dropped), close, reset or blackhole");
    assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of(), new Action.Respond(Map.of("a", "b")))))
        .hasMessage("nats rule [r] has action [respond], which nats does not support: use error (on publishes), delay or drop");
  }
}
