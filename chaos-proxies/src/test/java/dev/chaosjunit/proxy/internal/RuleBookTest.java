package dev.chaosjunit.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.nats.NatsInspector;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleBookTest {

  private final RuleBook rules = new RuleBook("bus", () -> 1, new NatsInspector(), event -> { });

  private static Rule rule(String name, Direction direction) {
    return new Rule(name, "", direction, Map.of("subject", "orders.>"), new Action.Delay(Duration.ofMillis(1)), 1, 0, 0);
  }

  @Test
  void hasRulesFollowsTheDirectionsOfTheRulesAddedAndRemoved() {
    assertThat(rules.hasRules(Direction.UPSTREAM)).isFalse();
    assertThat(rules.hasRules(Direction.DOWNSTREAM)).isFalse();

    rules.add(rule("publishes", Direction.UPSTREAM));
    assertThat(rules.hasRules(Direction.UPSTREAM)).isTrue();
    assertThat(rules.hasRules(Direction.DOWNSTREAM)).isFalse();

    rules.add(rule("deliveries", Direction.DOWNSTREAM));
    rules.remove("publishes");
    assertThat(rules.hasRules(Direction.UPSTREAM)).isFalse();
    assertThat(rules.hasRules(Direction.DOWNSTREAM)).isTrue();

    rules.clear();
    assertThat(rules.hasRules(Direction.DOWNSTREAM)).isFalse();
  }
}
