package dev.chaosjunit.proxy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
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

  private static Rule rule(Direction direction, Map<String, String> match, Action.Type type,
      Map<String, String> params) {
    return new Rule("r1", direction, match, new Action(type, params), 1, 0, 0);
  }

  private static Rule error(Map<String, String> params) {
    return rule(Direction.UPSTREAM, Map.of("sql", "INSERT*"), Action.Type.ERROR, params);
  }

  @Test
  void bothInspectorsAreRegisteredWithTheirMatchKeys() {
    assertThat(inspector("postgres").matchKeys()).containsExactlyInAnyOrder("sql", "command");
    assertThat(inspector("mysql").matchKeys()).containsExactlyInAnyOrder("sql", "command");
  }

  @Test
  void acceptsWhatTheExtensionBuilds() {
    assertThatCode(() -> {
      inspector("postgres").validate(error(Map.of("code", "53100", "message", "disk full")));
      inspector("postgres").validate(error(Map.of("code", "57P01", "severity", "FATAL")));
      inspector("mysql").validate(error(Map.of("code", "1213", "sqlstate", "40001", "message", "Deadlock")));
      inspector("mysql").validate(rule(Direction.UPSTREAM, Map.of("command", "SELECT"), Action.Type.DELAY,
          Map.of("ms", "2000")));
      inspector("postgres").validate(rule(Direction.UPSTREAM, Map.of(), Action.Type.DROP,
          Map.of("mode", "blackhole")));
    }).doesNotThrowAnyException();
  }

  @Nested
  @DisplayName("rejects, naming the problem and the fix,")
  class Rejects {

    @Test
    void aSqlStateThatIsNotFiveCharacters() {
      assertThatThrownBy(() -> inspector("postgres").validate(error(Map.of("code", "531"))))
          .hasMessageContaining("postgres rule [r1]").hasMessageContaining("[code=531]")
          .hasMessageContaining("five digits or capital letters");
      assertThatThrownBy(() -> inspector("mysql").validate(error(Map.of("code", "1213", "sqlstate", "4000"))))
          .hasMessageContaining("[sqlstate=4000]");
    }

    @Test
    void anUnknownSeverity() {
      assertThatThrownBy(() -> inspector("postgres").validate(error(Map.of("code", "53100", "severity", "WARN"))))
          .hasMessageContaining("[severity=WARN]").hasMessageContaining("FATAL");
    }

    @Test
    void aMysqlErrorNumberThatIsNotANumber() {
      assertThatCode(() -> inspector("mysql").validate(error(Map.of("code", "40001"))))
          .doesNotThrowAnyException();
      assertThatThrownBy(() -> inspector("mysql").validate(error(Map.of("code", "ER_LOCK_DEADLOCK"))))
          .hasMessageContaining("[code=ER_LOCK_DEADLOCK]").hasMessageContaining("1213");
    }

    @Test
    void anUnknownMatchKeyOrDirection() {
      assertThatThrownBy(() -> inspector("mysql").validate(rule(Direction.UPSTREAM, Map.of("table", "t"),
          Action.Type.DELAY, Map.of("ms", "1")))).hasMessageContaining("[table]").hasMessageContaining("[sql]");
      assertThatThrownBy(() -> inspector("postgres").validate(rule(Direction.DOWNSTREAM, Map.of("sql", "*"),
          Action.Type.DELAY, Map.of("ms", "1")))).hasMessageContaining("direction must be REQUEST");
    }

    @Test
    void badDelaysAndDropModesAndUnsupportedActions() {
      assertThatThrownBy(() -> inspector("postgres").validate(rule(Direction.UPSTREAM, Map.of(),
          Action.Type.DELAY, Map.of("ms", "2s")))).hasMessageContaining("[ms=2s]");
      assertThatThrownBy(() -> inspector("postgres").validate(rule(Direction.UPSTREAM, Map.of(),
          Action.Type.DROP, Map.of("mode", "rst")))).hasMessageContaining("[rst]").hasMessageContaining("reset");
      assertThatThrownBy(() -> inspector("postgres").validate(rule(Direction.UPSTREAM, Map.of(),
          Action.Type.RESPOND, Map.of()))).hasMessageContaining("[RESPOND] is not supported");
    }
  }
}
