package dev.chaosjunit.proxy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.http.HttpInspector;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The test double matches rules as the engine's rule book does, and refuses what the engine refuses. */
class RecordingPortTest {

  private static final MessageFacts REQUEST = MessageFacts.of("http").put("method", "GET")
      .put("path", "/api/orders/1").put("header.x-tenant", "acme").build();

  private final RecordingPort port = new RecordingPort(new HttpInspector());

  private static Rule rule(Map<String, String> match, long after, long times) {
    return new Rule("r", "", Direction.UPSTREAM, match, Action.Error.of("503", ""), 1, after, times);
  }

  @Test
  void matchesWithTheInspectorsGlobsAndFactKeysInItsDirection() {
    port.rule(rule(Map.of("path", "/api/**", "header.X-Tenant", "ac*", "method", "get"), 0, 0));

    assertThat(port.match(Direction.UPSTREAM, REQUEST)).isPresent();
    assertThat(port.match(Direction.DOWNSTREAM, REQUEST)).isEmpty();
    assertThat(port.requestFacts()).containsExactly(REQUEST);
  }

  @Test
  void letsTheFirstAfterMatchesPassAndFiresAtMostTimes() {
    port.rule(rule(Map.of("path", "/api/*"), 0, 0));
    port.rule(rule(Map.of("path", "/api/**"), 1, 2));

    assertThat(LongStream.rangeClosed(1, 4).mapToObj(i -> port.match(Direction.UPSTREAM, REQUEST)))
        .extracting(m -> m.map(RuleMatch::firing).orElse(0L)).containsExactly(0L, 1L, 2L, 0L);
  }

  @Test
  void refusesARuleItsInspectorRefuses() {
    assertThatThrownBy(() -> port.rule(new Rule("r", "", Direction.UPSTREAM, Map.of(),
        new Action.Drop(DropMode.TIMEOUT), 1, 0, 0))).hasMessageContaining("has drop mode [timeout]");
  }

  @Test
  void refusesAProbabilityItCannotDraw() {
    assertThatThrownBy(() -> port.rule(new Rule("r", "", Direction.UPSTREAM, Map.of(), new Action.Drop(null),
        0.5, 0, 0))).hasMessageContaining("rule [r]: the recording port fires without a seed; use probability 1");
  }
}
