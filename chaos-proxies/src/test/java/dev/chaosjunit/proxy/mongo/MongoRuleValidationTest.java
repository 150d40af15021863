package dev.chaosjunit.proxy.mongo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MongoRuleValidationTest {

  private final MongoInspector inspector = new MongoInspector();

  static Rule rule(Direction direction, Map<String, String> match, Action action) {
    return new Rule("r", "mongodb", direction, match, action, 1, 0, 0);
  }

  static Rule insert(Action action) {
    return rule(Direction.UPSTREAM, Map.of("command", "insert"), action);
  }

  @Test
  void acceptsWhatTheSessionCarriesOut() {
    assertThatCode(() -> {
      inspector.validate(rule(Direction.UPSTREAM, Map.of("command", "*", "database", "shop", "collection", "orders"),
          new Action.Error("91", "", Map.of("kind", "errorCode", "codeName", "ShutdownInProgress", "errorLabels", "A,B"))));
      inspector.validate(insert(new Action.Error("11000", "dup", Map.of("kind", "writeErrors"))));
      inspector.validate(insert(new Action.Error("-3", "", Map.of("kind", "writeConcernError"))));
      inspector.validate(insert(new Action.Drop(null)));
      inspector.validate(insert(new Action.Drop(DropMode.BLACKHOLE)));
      inspector.validate(insert(new Action.Delay(Duration.ofMillis(5))));
    }).doesNotThrowAnyException();
  }

  @Test
  void namesTheProblemAndTheFix() {
    assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of("command", "find", "ns", "a"), new Action.Drop(null))))
        .hasMessage("mongodb rule [r] has no match key [ns] for mongodb: use [command], [database] or [collection]");
    assertThatThrownBy(() -> inspector.validate(rule(Direction.UPSTREAM, Map.of("collection", "orders"), new Action.Drop(null))))
        .hasMessage("mongodb rule [r] has no [command]: name the commands it fails (as failCommand's failCommands does),"
            + " e.g. insert, or * for every command but the handshake's");
    assertThatThrownBy(() -> inspector.validate(rule(Direction.DOWNSTREAM, Map.of("command", "find"), new Action.Drop(null))))
        .hasMessage("mongodb rule [r] looks at replies (direction [downstream]): mongodb rules match commands, so drop"
            + " onResponses(); a writeConcernError is added to the command's reply by itself");
    assertThatThrownBy(() -> inspector.validate(insert(Action.Error.of("", "no code"))))
        .hasMessage("mongodb rule [r] has error code []: set a non-zero 32-bit number, e.g. 91 (ShutdownInProgress)");
    assertThatThrownBy(() -> inspector.validate(insert(Action.Error.of("0", ""))))
        .hasMessageStartingWith("mongodb rule [r] has error code [0]: set a non-zero");
    assertThatThrownBy(() -> inspector.validate(insert(Action.Error.of("DuplicateKey", ""))))
        .hasMessageStartingWith("mongodb rule [r] has error code [DuplicateKey]: set a non-zero");
    assertThatThrownBy(() -> inspector.validate(insert(new Action.Error("1", "", Map.of("severity", "FATAL")))))
        .hasMessage("mongodb rule [r] has error parameter [severity]: use kind, codeName or errorLabels");
    assertThatThrownBy(() -> inspector.validate(insert(new Action.Error("1", "", Map.of("kind", "writeError")))))
        .hasMessage("mongodb rule [r] has error kind [writeError]: use one of [errorCode, writeErrors, writeConcernError]");
    assertThatThrownBy(() -> inspector.validate(insert(new Action.Error("1", "", Map.of("errorLabels", "A,,B")))))
        .hasMessage("mongodb rule [r] has errorLabels [A,,B] with an empty label: list labels divided by commas, e.g. RetryableWriteError");
    assertThatThrownBy(() -> inspector.validate(insert(new Action.Drop(DropMode.TIMEOUT))))
        .hasMessage("mongodb rule [r] has drop mode [timeout]: use close, reset or blackhole");
    assertThatThrownBy(() -> inspector.validate(insert(new Action.Respond(Map.of("ok", "1")))))
        .hasMessage("mongodb rule [r] has action [respond], which mongodb does not support:"
            + " use error (errorCode, writeErrors, writeConcernError), delay or drop");
  }
}
