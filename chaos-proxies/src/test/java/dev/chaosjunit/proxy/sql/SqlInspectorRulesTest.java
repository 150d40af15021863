package dev.chaosjunit.proxy.sql;

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

class SqlInspectorRulesTest {

  private static ProtocolInspector inspector(String name) {
    return ServiceLoader.load(ProtocolInspector.class).stream().map(ServiceLoader.Provider::get)
        .filter(i -> i.name().equals(name)).findFirst().orElseThrow();
  }

  private static Rule rule(Direction direction, Map<String, String> match, Action action) {
    return new Rule("r1", "", direction, match, action, 1, 0, 0);
  }

  private static Rule error(Action.Error action) {
    return rule(Direction.UPSTREAM, Map.of("sql", "INSERT*"), action);
  }

  @Test
  void bothInspectorsAreRegisteredWithTheirMatchKeys() {
    assertThat(inspector("postgres").matchKeys()).containsExactlyInAnyOrder("sql", "command");
    assertThat(inspector("mysql").matchKeys()).containsExactlyInAnyOrder("sql", "command");
  }

  @Test
  void acceptsWhatTheExtensionBuilds() {
    assertThatCode(() -> {
      inspector("postgres").validate(error(Action.Error.of("53100", "disk full")));
      inspector("postgres").validate(error(new Action.Error("57P01", "", Map.of("severity", "FATAL"))));
      inspector("mysql").validate(error(new Action.Error("1213", "Deadlock", Map.of("sqlstate", "40001"))));
      inspector("mysql").validate(rule(Direction.UPSTREAM, Map.of("command", "SELECT"),
          new Action.Delay(Duration.ofMillis(2000))));
      inspector("postgres").validate(rule(Direction.UPSTREAM, Map.of(), new Action.Drop(DropMode.BLACKHOLE)));
    }).doesNotThrowAnyException();
  }

  @Nested
  @DisplayName("rejects, naming the problem and the fix,")
  class Rejects {

    @Test
    void aSqlStateThatIsNotFiveCharacters() {
      assertThatThrownBy(() -> inspector("postgres").validate(error(Action.Error.of("531", ""))))
          .hasMessageContaining("postgres rule [r1]").hasMessageContaining("[code=531]")
          .hasMessageContaining("five digits or capital letters");
      assertThatThrownBy(() -> inspector("mysql").validate(error(new Action.Error("1213", "",
          Map.of("sqlstate", "4000")))))
          .hasMessageContaining("[sqlstate=4000]");
    }

    @Test
    void anUnknownSeverity() {
      assertThatThrownBy(() -> inspector("postgres").validate(error(new Action.Error("53100", "",
          Map.of("severity", "WARN")))))
          .hasMessageContaining("[severity=WARN]").hasMessageContaining("FATAL");
    }

    @Test
    void aMysqlErrorNumberThatIsNotANumber() {
      assertThatCode(() -> inspector("mysql").validate(error(Action.Error.of("40001", ""))))
          .doesNotThrowAnyException();
      assertThatThrownBy(() -> inspector("mysql").validate(error(Action.Error.of("ER_LOCK_DEADLOCK", ""))))
          .hasMessageContaining("[code=ER_LOCK_DEADLOCK]").hasMessageContaining("1213");
    }

    @Test
    void anUnknownMatchKeyOrDirection() {
      assertThatThrownBy(() -> inspector("mysql").validate(rule(Direction.UPSTREAM, Map.of("table", "t"),
          new Action.Delay(Duration.ofMillis(1))))).hasMessageContaining("[table]").hasMessageContaining("[sql]");
      assertThatThrownBy(() -> inspector("postgres").validate(rule(Direction.DOWNSTREAM, Map.of("sql", "*"),
          new Action.Delay(Duration.ofMillis(1)))))
          .hasMessageContaining("postgres rule [r1]: direction must be upstream: postgres rules match the client's statements");
    }

    @Test
    void anUnsupportedAction() {
      assertThatThrownBy(() -> inspector("postgres").validate(rule(Direction.UPSTREAM, Map.of(),
          new Action.Respond(Map.of()))))
          .hasMessageContaining("action [respond] is not supported; use one of [delay, drop, error]");
    }
  }
}
