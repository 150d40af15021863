package dev.chaosjunit.proxy.amqp;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmqpRuleValidationTest {

  private final AmqpInspector inspector = new AmqpInspector();

  static Rule rule(Direction direction, Map<String, String> match, Action action) {
    return new Rule("bad", "", direction, match, action, 1, 0, 0);
  }

  @ParameterizedTest(name = "reply code {0}")
  @ValueSource(strings = {"311", "403", "404", "406", "320", "541", ""})
  void acceptsTheSpecificationsReplyCodes(String code) {
    assertThatCode(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of("exchange", "e"), Action.Error.of(code, "x"))))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsDeliveryRulesByQueueAndEveryDropAndDelay() {
    for (Action action : new Action[] {new Action.Drop(null), new Action.Drop(DropMode.BLACKHOLE),
        new Action.Delay(Duration.ofMillis(5))}) {
      assertThatCode(() -> inspector.validate(rule(Direction.DOWNSTREAM, Map.of("queue", "q"), action)))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void refusesAnUnknownReplyCodeListingTheCodes() {
    assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of(), Action.Error.of("NOT_FOUND", ""))))
        .hasMessageStartingWith("amqp rule [bad] has reply code [NOT_FOUND]: use a channel error (311 CONTENT_TOO_LARGE,")
        .hasMessageContaining("or a connection error (320 CONNECTION_FORCED,");
  }

  @Test
  void refusesQueueOnPublishes() {
    assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of("queue", "q"), new Action.Drop(null))))
        .hasMessage("amqp rule [bad] matches [queue] on publishes, which name no queue: match deliveries"
            + " (direction [downstream], onResponses()) or match the publish's [exchange] and [routing_key]");
  }

  @Test
  void refusesUnknownKeysRespondTimeoutAndLongTexts() {
    assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of("topic", "t"), new Action.Drop(null))))
        .hasMessage("amqp rule [bad] has no match key [topic] for amqp: use [exchange], [routing_key] or [queue]");
    assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of(), new Action.Respond(Map.of()))))
        .hasMessage("amqp rule [bad] has action [respond {}]: the one canned reply is a publisher-confirm nack,"
            + " respond {confirm=nack} on publishes (direction [upstream])");
    assertThatThrownBy(() -> inspector.validate(rule(Direction.DOWNSTREAM, Map.of(),
        new Action.Respond(Map.of("confirm", "nack"))))).hasMessageContaining("on publishes (direction [upstream])");
    assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of(), new Action.Duplicate())))
        .hasMessage("amqp rule [bad] has action [duplicate], which amqp does not support: use error (a reply code),"
            + " delay, drop or respond {confirm=nack}");
    assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of(), new Action.Drop(DropMode.TIMEOUT))))
        .hasMessage("amqp rule [bad] has drop mode [timeout]: use none (the message alone is dropped), close, reset or blackhole");
    assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of(), Action.Error.of("404", "x".repeat(256)))))
        .hasMessage("amqp rule [bad] has a reply text of more than 255 bytes: AMQP sends it as a short string, shorten it");
    assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of(),
        new Action.Error("404", "x", Map.of("class", "60")))))
        .hasMessage("amqp rule [bad] has error parameters [class]: an AMQP error is its reply code and reply text only");
  }
}
