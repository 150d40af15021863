package dev.chaosjunit.proxy;

import static dev.chaosjunit.fault.DropMode.BLACKHOLE;
import static dev.chaosjunit.fault.DropMode.CLOSE;
import static dev.chaosjunit.fault.DropMode.GOAWAY;
import static dev.chaosjunit.fault.DropMode.RESET;
import static dev.chaosjunit.fault.DropMode.RST_STREAM;
import static dev.chaosjunit.fault.DropMode.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which {@link DropMode drop modes} each protocol's inspector carries out: a request rule with another one
 * is refused when it is added, naming the mode and the modes the protocol has.
 */
class DropModesTest {

  private static final Set<DropMode> BASIC = EnumSet.of(CLOSE, RESET, BLACKHOLE);
  private static final Map<String, Set<DropMode>> MODES = Map.of(
      "http", EnumSet.of(RST_STREAM, GOAWAY, CLOSE, RESET, BLACKHOLE), "redis", BASIC, "postgres", BASIC, "mysql", BASIC,
      "kafka", EnumSet.of(TIMEOUT, CLOSE, RESET, BLACKHOLE),
      "grpc", EnumSet.of(RST_STREAM, GOAWAY, CLOSE, RESET, BLACKHOLE));
  private static final Map<String, String> HINTS = Map.of(
      "http", "]: use close, reset, blackhole, rst_stream or goaway", "redis", "]: use close, reset or blackhole",
      "postgres", "] is not supported; use close, reset or blackhole",
      "mysql", "] is not supported; use close, reset or blackhole",
      "kafka", "Kafka drops with mode timeout (no response, the default), close, reset or blackhole",
      "grpc", "gRPC drops with mode rst_stream (one call, the default), goaway, close, reset or blackhole");

  static Stream<Arguments> taken() {
    return pairs(DropModesTest::takes);
  }

  static Stream<Arguments> refused() {
    return pairs(Predicate.not(DropModesTest::takes));
  }

  @ParameterizedTest(name = "{0} drops with {1}")
  @MethodSource("taken")
  void aProtocolTakesItsOwnModes(String protocol, DropMode mode) {
    assertThatCode(() -> inspector(protocol).validate(drop(mode))).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0} refuses {1}")
  @MethodSource("refused")
  void aProtocolRefusesTheOthersNamingTheModeAndItsOwn(String protocol, DropMode mode) {
    assertThatThrownBy(() -> inspector(protocol).validate(drop(mode)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rule [cut]").hasMessageContaining("[" + mode.wireName() + "]")
        .hasMessageContaining(HINTS.get(protocol));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http", "redis", "postgres", "mysql", "kafka", "grpc"})
  void everyProtocolTakesADropWithoutAMode(String protocol) {
    assertThatCode(() -> inspector(protocol).validate(drop(null))).doesNotThrowAnyException();
  }

  private static boolean takes(Arguments pair) {
    return MODES.get((String) pair.get()[0]).contains((DropMode) pair.get()[1]);
  }

  private static Stream<Arguments> pairs(Predicate<Arguments> filter) {
    return MODES.keySet().stream().sorted()
        .flatMap(protocol -> Arrays.stream(DropMode.values()).map(mode -> Arguments.of(protocol, mode)))
        .filter(filter);
  }

  private static Rule drop(DropMode mode) {
    return new Rule("cut", "", Direction.UPSTREAM, Map.of(), new Action.Drop(mode), 1, 0, 0);
  }

  private static ProtocolInspector inspector(String name) {
    return ServiceLoader.load(ProtocolInspector.class).stream().map(ServiceLoader.Provider::get)
        .filter(i -> i.name().equals(name)).findFirst().orElseThrow();
  }
}
