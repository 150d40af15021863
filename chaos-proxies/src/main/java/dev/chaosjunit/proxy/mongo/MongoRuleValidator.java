package dev.chaosjunit.proxy.mongo;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import java.util.EnumSet;
import java.util.Set;

/** Checks that a rule can be carried out on MongoDB, naming the offending element and the fix. */
final class MongoRuleValidator {

  private static final Set<DropMode> MODES = EnumSet.of(DropMode.CLOSE, DropMode.RESET, DropMode.BLACKHOLE);
  private static final Set<String> PARAMS = Set.of(MongoErrors.KIND, MongoErrors.CODE_NAME, MongoErrors.ERROR_LABELS);

  private final Rule rule;

  MongoRuleValidator(Rule rule) {
    this.rule = rule;
  }

  void validate() {
    for (String key : rule.match().keySet()) {
      require(MongoInspector.MATCH_KEYS.contains(key),
          "has no match key [" + key + "] for mongodb: use [command], [database] or [collection]");
    }
    require(rule.match().containsKey(MongoInspector.COMMAND), "has no [command]: name the commands it fails"
        + " (as failCommand's failCommands does), e.g. insert, or * for every command but the handshake's");
    require(rule.direction() == Direction.UPSTREAM, "looks at replies (direction [downstream]): mongodb rules"
        + " match commands, so drop onResponses(); a writeConcernError is added to the command's reply by itself");
    Action action = rule.action();
    if (action instanceof Action.Error error) {
      validateError(error);
    } else if (action instanceof Action.Drop drop && drop.mode() != null) {
      require(MODES.contains(drop.mode()), "has drop mode [" + drop.mode().wireName() + "]: use close, reset or blackhole");
    } else {
      require(action instanceof Action.Delay || action instanceof Action.Drop, "has action [" + action.type()
          + "], which mongodb does not support: use error (errorCode, writeErrors, writeConcernError), delay or drop");
    }
  }

  private void validateError(Action.Error error) {
    require(isCode(error.code()),
        "has error code [" + error.code() + "]: set a non-zero 32-bit number, e.g. 91 (ShutdownInProgress)");
    for (String param : error.params().keySet()) {
      require(PARAMS.contains(param), "has error parameter [" + param + "]: use kind, codeName or errorLabels");
    }
    require(MongoErrors.KINDS.contains(MongoErrors.kind(error)), "has error kind [" + MongoErrors.kind(error)
        + "]: use one of " + MongoErrors.KINDS);
    error.param(MongoErrors.ERROR_LABELS).ifPresent(labels -> require(labels.matches("[^,]+(,[^,]+)*"),
        "has errorLabels [" + labels + "] with an empty label: list labels divided by commas, e.g. RetryableWriteError"));
  }

  /** A non-zero int32, as mongod's error codes are. */
  private static boolean isCode(String code) {
    try {
      return Integer.parseInt(code) != 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("mongodb rule [" + rule.name() + "] " + problem);
    }
  }
}
