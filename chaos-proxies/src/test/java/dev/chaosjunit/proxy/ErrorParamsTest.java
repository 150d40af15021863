package dev.chaosjunit.proxy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.protocol.ProtocolInspectors;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An error's protocol extras: each inspector takes the ones it sends on the wire and refuses the others at
 * once, naming them, rather than ignoring them (a Kafka error once accepted an [ms] it never used).
 */
class ErrorParamsTest {

  private static final ProtocolInspectors INSPECTORS = ProtocolInspectors.load(ErrorParamsTest.class.getClassLoader());

  @ParameterizedTest(name = "{0} takes [{3}]")
  @CsvSource({
      "postgres, 53100, disk full, severity, FATAL",
      "mysql, 1213, Deadlock, sqlstate, 40001",
      "mysql, 1205, Lock wait timeout, rollback, true",
      "http, 503, busy, header.Retry-After, 5"})
  void takesTheExtrasItSends(String protocol, String code, String message, String param, String value) {
    assertThatCode(() -> inspector(protocol).validate(error(code, message, Map.of(param, value))))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0} refuses [{3}]")
  @CsvSource({
      "postgres, 53100, disk full, ms, postgres rule [e]: error parameter [ms] is unknown; use [severity]",
      "mysql, 1213, Deadlock, severity, mysql rule [e]: error parameter [severity] is unknown; use [",
      "redis, READONLY, replica, ms, redis rule [e] has error parameters [ms]: a Redis error is its prefix and message only",
      "kafka, NOT_LEADER_OR_FOLLOWER, '', ms, rule [e]: a Kafka error is its error name and message only, not [ms]",
      "grpc, UNAVAILABLE, down, ms, rule [e]: a gRPC error is its status and message only, not [ms]",
      "nats, '', '', ms, nats rule [e] has error code [] or parameters [ms]: a NATS error is its -ERR text only",
      "memcached, '', out of memory, ms, memcached rule [e] has error code [] or parameters [ms]: a memcached error is SERVER_ERROR and its message",
      "http, 503, busy, status, http rule [e] has parameter [status]: use header.<Name>"})
  void refusesTheOthersNamingThem(String protocol, String code, String message, String param, String problem) {
    assertThatThrownBy(() -> inspector(protocol).validate(error(code, message, Map.of(param, "1"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(problem);
  }

  private static Rule error(String code, String message, Map<String, String> params) {
    return new Rule("e", "", Direction.UPSTREAM, Map.of(), new Action.Error(code, message, params), 1, 0, 0);
  }

  private static ProtocolInspector inspector(String name) {
    return INSPECTORS.find(name).orElseThrow();
  }
}
