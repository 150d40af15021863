package dev.chaosjunit.proxy.amqp;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.AmqpReplyCode;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Checks that a rule can be carried out on AMQP 0-9-1, naming the offending element and the fix. */
final class AmqpRuleValidator {

  private static final Map<String, String> NACK = Map.of("confirm", "nack");
  private static final Set<DropMode> MODES = EnumSet.of(DropMode.CLOSE, DropMode.RESET, DropMode.BLACKHOLE);

  private final Rule rule;

  AmqpRuleValidator(Rule rule) {
    this.rule = rule;
  }

  void validate() {
    for (String key : rule.match().keySet()) {
      require(AmqpInspector.MATCH_KEYS.contains(key),
          "has no match key [" + key + "] for amqp: use [exchange], [routing_key] or [queue]");
    }
    require(rule.direction() == Direction.DOWNSTREAM || !rule.match().containsKey(AmqpInspector.QUEUE),
        "matches [queue] on publishes, which name no queue: match deliveries (direction [downstream], onResponses())"
            + " or match the publish's [exchange] and [routing_key]");
    Action action = rule.action();
    if (action instanceof Action.Error error) {
      validateError(error);
    } else if (action instanceof Action.Respond respond) {
      require(rule.direction() == Direction.UPSTREAM && respond.params().equals(NACK),
          "has action [respond " + respond.params() + "]: the one canned reply is a publisher-confirm nack,"
              + " respond {confirm=nack} on publishes (direction [upstream])");
    } else if (action instanceof Action.Drop drop && drop.mode() != null) {
      require(MODES.contains(drop.mode()), "has drop mode [" + drop.mode().wireName()
          + "]: use none (the message alone is dropped), close, reset or blackhole");
    } else {
      require(action instanceof Action.Delay || action instanceof Action.Drop, "has action [" + action.type() + "], which amqp does not support:"
          + " use error (a reply code), delay, drop or respond {confirm=nack}");
    }
  }

  private void validateError(Action.Error error) {
    require(error.params().isEmpty(), "has error parameters " + error.params().keySet()
        + ": an AMQP error is its reply code and reply text only");
    require(AmqpReplyCode.of(error.code()).isPresent(), "has reply code [" + error.code() + "]: use a channel error ("
        + AmqpReplyCode.listing(false) + ") or a connection error (" + AmqpReplyCode.listing(true) + ")");
    require(error.message().getBytes(StandardCharsets.UTF_8).length <= 255,
        "has a reply text of more than 255 bytes: AMQP sends it as a short string, shorten it");
  }

  private void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("amqp rule [" + rule.name() + "] " + problem);
    }
  }
}
