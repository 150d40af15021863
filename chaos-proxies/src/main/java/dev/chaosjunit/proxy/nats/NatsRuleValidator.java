package dev.chaosjunit.proxy.nats;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.rule.Glob;
import java.util.EnumSet;
import java.util.Set;

/** Checks that a rule can be carried out on NATS, naming the offending element and the fix. */
final class NatsRuleValidator {

  private static final Set<DropMode> MODES = EnumSet.of(DropMode.CLOSE, DropMode.RESET, DropMode.BLACKHOLE);

  private final Rule rule;

  NatsRuleValidator(Rule rule) {
    this.rule = rule;
  }

  void validate() {
    rule.match().forEach((key, pattern) -> {
      require(key.equals(NatsInspector.SUBJECT), "has no match key [" + key + "] for nats: use [subject]");
      try {
        Glob.natsSubject(pattern);
      } catch (IllegalArgumentException e) {
        require(false, "has a bad [subject]: " + e.getMessage());
      }
    });
    Action action = rule.action();
    if (action instanceof Action.Error error) {
      validateError(error);
    } else if (action instanceof Action.Drop drop && drop.mode() != null) {
      require(MODES.contains(drop.mode()), "has drop mode [" + drop.mode().wireName()
          + "]: use none (the message alone is dropped), close, reset or blackhole");
    } else {
      require(action instanceof Action.Delay || action instanceof Action.Drop, "has action [" + action.type()
          + "], which nats does not support: use error (on publishes), delay or drop");
    }
  }

  private void validateError(Action.Error error) {
    require(rule.direction() == Direction.UPSTREAM, "has an error on deliveries (direction [downstream]):"
        + " nats-server sends -ERR for a client's operation, so put the error on publishes (direction [upstream])"
        + " or drop or delay the delivery");
    require(error.code().isEmpty() && error.params().isEmpty(), "has error code [" + error.code() + "] or parameters "
        + error.params().keySet() + ": a NATS error is its -ERR text only, set the message alone");
    require(error.message().chars().noneMatch(c -> c == '\'' || c == '\r' || c == '\n'),
        "has an error message with a quote or a line break: -ERR carries it in single quotes on one line, remove them");
  }

  private void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("nats rule [" + rule.name() + "] " + problem);
    }
  }
}
