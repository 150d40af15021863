package dev.chaosjunit.junit;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static dev.chaosjunit.junit.Expectation.HANG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.support.EchoServer;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Every misconfiguration fails with an ExtensionConfigurationException naming annotation, element and fix. */
@DisplayName("@FaultMatrix fails when")
class MisconfigurationTest {

  private static String failure(Class<?> fixture) {
    Throwable thrown = Fixtures.onlyFailure(Fixtures.run(fixture));
    assertThat(thrown).isInstanceOf(ExtensionConfigurationException.class);
    return thrown.getMessage();
  }

  @Nested
  class Names {
    @Test
    void aScenarioNameIsUnknown() {
      assertThat(failure(UnknownScenario.class)).isEqualTo("@FaultMatrix on [UnknownScenario.matrix()]: "
          + "scenarios names unknown @Scenario method [pong]; use one of [ping]");
    }

    @Test
    void aFaultNameIsUnknown() {
      assertThat(failure(UnknownFault.class)).isEqualTo("@FaultMatrix on [UnknownFault.matrix()]: "
          + "faults names unknown @FaultAssumption [slowness]; use one of [slow]");
    }

    @Test
    void anExpectNamesAnUnknownFault() {
      assertThat(failure(ExpectUnknown.class)).isEqualTo("@Expect on [ExpectUnknown.matrix()]: "
          + "fault names unknown fault [sloww]; use one of [slow, no fault]");
    }
  }

  @Nested
  class Declarations {
    @Test
    void aScenarioHasParametersThatCannotBeResolved() {
      assertThat(failure(ScenarioWithParameter.class)).isEqualTo("@Scenario on [ScenarioWithParameter.ping()]: "
          + "parameter of type [java.lang.String] cannot be resolved; declare no parameters, or one of type ChaosTopology");
    }

    @Test
    void aFaultTargetsAnUnknownService() {
      assertThat(failure(UnknownService.class)).isEqualTo("@FaultAssumption on [UnknownService.slow]: fault [slow] "
          + "targets service [db], which no @Chaos field declares (declared: [echo]); fix the service name or "
          + "annotate the container field with @Chaos(\"db\")");
    }

    @Test
    void aProtocolRuleTargetsAServiceOfAnotherProtocol() {
      assertThat(failure(WrongProtocol.class)).isEqualTo("@FaultAssumption on [WrongProtocol.readOnly]: fault "
          + "[readOnly] is a [redis] rule but service [echo] speaks [tcp]; declare the protocol: "
          + "@Chaos(value = \"echo\", protocol = ChaosProtocol.REDIS)");
    }

    @Test
    void aSeedIsNotANumber() {
      assertThat(failure(BadSeed.class)).isEqualTo("@FaultMatrix on [BadSeed.matrix()]: seed [soon] is not a long; "
          + "write a whole number, e.g. seed = \"42\"");
    }

    @Test
    void iterationsAreLessThanOne() {
      assertThat(failure(NoIterations.class)).isEqualTo("@FaultMatrix on [NoIterations.matrix()]: iterations = [0] "
          + "is less than 1; run each cell at least once: iterations = 1 (the default) or more");
    }

    @Test
    void theIterationsSettingIsNotAPositiveNumber() {
      for (String bad : new String[] {"-1", "many"}) {
        Throwable thrown = Fixtures.onlyFailure(Fixtures.run(Plain.class, java.util.Map.of("chaos.iterations", bad)));
        assertThat(thrown).isInstanceOf(ExtensionConfigurationException.class).hasMessage("-Dchaos.iterations=["
            + bad + "] is not a whole number of at least 1; pass how many times each cell runs, e.g. -Dchaos.iterations=50");
      }
    }

    @Test
    void theMatrixIsEmpty() {
      assertThat(failure(Empty.class)).isEqualTo("@FaultMatrix on [Empty.matrix()]: the matrix is empty "
          + "(1 scenarios, 0 faults, baseline false); declare @Scenario methods and @FaultAssumption faults, "
          + "or enable the baseline");
    }
  }

  @Nested
  class Expectations {
    @Test
    void twoExpectationsConflict() {
      assertThat(failure(Conflicting.class)).isEqualTo("@Expect on [Conflicting.matrix()]: cell [ping × slow] has "
          + "conflicting expectations @Expect(scenario = [], fault = [slow], value = ERROR) and "
          + "@Expect(scenario = [ping], fault = [], value = HANG); narrow the scenario or fault lists so that one "
          + "@Expect selects each cell");
    }

    @Test
    void aCustomExpectationHasNoCheck() {
      assertThat(failure(CustomWithoutCheck.class)).isEqualTo("@Expect on [CustomWithoutCheck.matrix()]: "
          + "@FaultMatrix(expect = CUSTOM) has no check method; use value = CUSTOM together with check = "
          + "\"<method taking Outcome or Cell, returning boolean>\"");
    }

    @Test
    void aDurationIsMalformed() {
      assertThat(failure(BadDuration.class)).isEqualTo("@Expect on [BadDuration.matrix()]: within [soon] is not "
          + "a duration; write it as 500ms, 5s, 2m, 1h or ISO-8601 like PT5S");
    }
  }

  /** Every protocol's inspector checks the rules of a matrix at discovery, before any container starts. */
  @Nested
  @DisplayName("a rule cannot run on its protocol")
  class Rules {
    @Test
    void postgres() {
      assertThat(failure(BadPostgres.class)).isEqualTo("@FaultAssumption on [BadPostgres.diskFull]: fault [diskFull]"
          + " cannot run: postgres rule [diskFull]: error [severity=WARNING] is unknown; use ERROR, FATAL (closes the"
          + " connection) or PANIC; fix the rule where the field builds it");
    }

    @Test
    void mysql() {
      assertThat(failure(BadMysql.class)).isEqualTo("@FaultAssumption on [BadMysql.deadlock]: fault [deadlock]"
          + " cannot run: mysql rule [deadlock]: error [code=70000] is not a MySQL error number; use a number from 1"
          + " to 65535, e.g. 1213; fix the rule where the field builds it");
    }

    @Test
    void redis() {
      assertThat(failure(BadRedis.class)).isEqualTo("@FaultAssumption on [BadRedis.readOnly]: fault [readOnly]"
          + " cannot run: redis rule [readOnly] has a line break in [message]: Redis sends it on one line, remove CR"
          + " and LF; fix the rule where the field builds it");
    }

    @Test
    void http() {
      assertThat(failure(BadHttp.class)).isEqualTo("@FaultAssumption on [BadHttp.busy]: fault [busy] cannot run:"
          + " http rule [busy] sets header [Content-Length], which the proxy computes: remove it; fix the rule where"
          + " the field builds it");
    }

    /** This module's tests have no kafka-clients: what a service without it sees (Kafka's own checks: chaos-proxies). */
    @Test
    void kafkaWithoutItsClientLibrary() {
      assertThat(failure(BadKafka.class)).isEqualTo("@FaultAssumption on [BadKafka.notLeader]: fault [notLeader]"
          + " cannot run: The kafka protocol inspector needs org.apache.kafka:kafka-clients (4.x) on the class path,"
          + " and it is not there: add it as a (test) dependency of your project; then run again");
    }

    @Test
    void grpc() {
      assertThat(failure(BadGrpc.class)).isEqualTo("@FaultAssumption on [BadGrpc.lost]: fault [lost] cannot run:"
          + " rule [lost]: gRPC drops with mode rst_stream (one call, the default), goaway, close, reset or blackhole, not"
          + " [timeout]; fix the rule where the field builds it");
    }

    @Test
    void amqp() {
      assertThat(failure(BadAmqp.class)).isEqualTo("@FaultAssumption on [BadAmqp.gone]: fault [gone] cannot run:"
          + " amqp rule [gone] matches [queue] on publishes, which name no queue: match deliveries (direction"
          + " [downstream], onResponses()) or match the publish's [exchange] and [routing_key]; fix the rule where"
          + " the field builds it");
    }

    @Test
    void aRandomToxicMeetsTheToxiproxyBackendWhichCannotReplayIt() {
      Throwable thrown = Fixtures.onlyFailure(Fixtures.run(HalfSlow.class, Map.of("chaos.backend", "toxiproxy")));
      assertThat(thrown).isInstanceOf(ExtensionConfigurationException.class).hasMessage(
          "@FaultAssumption on [HalfSlow.halfSlow]: fault [halfSlow] draws at random (toxicity 0.5), which the"
              + " toxiproxy backend (-Dchaos.backend=toxiproxy) cannot replay: Toxiproxy's API takes no seed; run with"
              + " -Dchaos.backend=engine (the default), or make the toxic deterministic (toxicity 1, no jitter or size"
              + " variation)");
    }

    @Test
    void nats() {
      assertThat(failure(BadNats.class)).isEqualTo("@FaultAssumption on [BadNats.late]: fault [late] cannot run:"
          + " nats rule [late] has a bad [subject]: NATS subject pattern [orders.>.eu] has [>] before its last token:"
          + " [>] matches the rest of a subject, so it can only end a pattern, e.g. orders.>; fix the rule where"
          + " the field builds it");
    }

    @Test
    void mongodb() {
      assertThat(failure(BadMongo.class)).isEqualTo("@FaultAssumption on [BadMongo.anyInsert]: fault [anyInsert] cannot run:"
          + " mongodb rule [anyInsert] has no [command]: name the commands it fails (as failCommand's failCommands does),"
          + " e.g. insert, or * for every command but the handshake's; fix the rule where the field builds it");
    }

    @Test
    void memcached() {
      assertThat(failure(BadMemcached.class)).isEqualTo("@FaultAssumption on [BadMemcached.stale]: fault [stale] cannot run:"
          + " memcached rule [stale] answers [miss] to commands [set] of [command] [set]: match only commands of"
          + " [decr, delete, gat, gats, get, gets, incr, ma, md, mg, touch]; fix the rule where the field builds it");
    }

    @Test
    void theBackendIsToxiproxy() {
      Throwable thrown = Fixtures.onlyFailure(Fixtures.run(ReadOnlyCache.class, Map.of("chaos.backend", "toxiproxy")));
      assertThat(thrown).isInstanceOf(ExtensionConfigurationException.class).hasMessage(
          "@FaultAssumption on [ReadOnlyCache.readOnly]: fault [readOnly] is a protocol rule (redis upstream"
              + " {command=SET} -> error READONLY \"replica\"), which the toxiproxy backend (-Dchaos.backend=toxiproxy)"
              + " cannot carry out; run with -Dchaos.backend=engine (the default), or leave it out of this matrix"
              + " with @FaultMatrix(faults = ...)");
    }
  }

  @TestFixture
  static class Base {
    @Chaos("echo") static InetSocketAddress echo = EchoServer.address();
    @FaultAssumption static Fault slow = Fault.on("echo").latency(Duration.ofMillis(1));

    @Scenario
    String ping() {
      return "ping";
    }
  }

  @TestFixture
  static class HalfSlow extends Base {
    @FaultAssumption static Fault halfSlow = Fault.on("echo").toxicity(0.5).latency(Duration.ofMillis(1));

    @FaultMatrix(faults = "halfSlow")
    void matrix() {}
  }

  @TestFixture
  static class NoIterations extends Base {
    @FaultMatrix(iterations = 0)
    void matrix() {}
  }

  @TestFixture
  static class Plain extends Base {
    @FaultMatrix
    void matrix() {}
  }

  @TestFixture
  static class UnknownScenario extends Base {
    @FaultMatrix(scenarios = "pong")
    void matrix() {}
  }

  @TestFixture
  static class UnknownFault extends Base {
    @FaultMatrix(faults = "slowness")
    void matrix() {}
  }

  @TestFixture
  static class ExpectUnknown extends Base {
    @FaultMatrix
    @Expect(fault = "sloww", value = ERROR)
    void matrix() {}
  }

  @TestFixture
  static class Conflicting extends Base {
    @FaultMatrix
    @Expect(fault = "slow", value = ERROR)
    @Expect(scenario = "ping", value = HANG)
    void matrix() {}
  }

  @TestFixture
  static class CustomWithoutCheck extends Base {
    @FaultMatrix(expect = dev.chaosjunit.junit.Expectation.CUSTOM)
    void matrix() {}
  }

  @TestFixture
  static class BadDuration extends Base {
    @FaultMatrix
    @Expect(fault = "slow", value = ERROR, within = "soon")
    void matrix() {}
  }

  @TestFixture
  static class BadSeed extends Base {
    @FaultMatrix(seed = "soon")
    void matrix() {}
  }

  @TestFixture
  static class ScenarioWithParameter {
    @Scenario
    String ping(String unresolvable) {
      return unresolvable;
    }

    @FaultMatrix
    void matrix() {}
  }

  static class UnknownService extends RuleBase {
    @Chaos("echo") static InetSocketAddress echo = EchoServer.address();
    @FaultAssumption static Fault slow = Fault.on("db").latency(Duration.ofMillis(1));
  }

  static class WrongProtocol extends RuleBase {
    @Chaos("echo") static InetSocketAddress echo = EchoServer.address();
    @FaultAssumption static Fault readOnly = Fault.on("echo").redis().command("SET").error("READONLY no");
  }

  @TestFixture
  static class Empty {
    @Scenario
    String ping() {
      return "ping";
    }

    @FaultMatrix(baseline = false)
    void matrix() {}
  }

  @TestFixture
  static class RuleBase {
    @Scenario
    String ping() {
      return "ping";
    }

    @FaultMatrix
    void matrix() {}
  }

  static class BadPostgres extends RuleBase {
    @Chaos(value = "db", protocol = ChaosProtocol.POSTGRES) static InetSocketAddress db = EchoServer.address();
    @FaultAssumption static Fault diskFull = Fault.on("db").postgres().query("INSERT*").error("53100", "disk full", "WARNING");
  }

  static class ReadOnlyCache extends RuleBase {
    @Chaos(value = "cache", protocol = ChaosProtocol.REDIS) static InetSocketAddress cache = EchoServer.address();
    @FaultAssumption static Fault readOnly = Fault.on("cache").redis().command("SET").error("READONLY", "replica");
  }

  static class BadMysql extends RuleBase {
    @Chaos(value = "db", protocol = ChaosProtocol.MYSQL) static InetSocketAddress db = EchoServer.address();
    @FaultAssumption static Fault deadlock = Fault.on("db").mysql().query("UPDATE*").error(70000, "40001", "Deadlock");
  }

  static class BadRedis extends RuleBase {
    @Chaos(value = "cache", protocol = ChaosProtocol.REDIS) static InetSocketAddress cache = EchoServer.address();
    @FaultAssumption static Fault readOnly = Fault.on("cache").redis().command("SET").error("READONLY", "no\nway");
  }

  static class BadHttp extends RuleBase {
    @Chaos(value = "api", protocol = ChaosProtocol.HTTP) static InetSocketAddress api = EchoServer.address();
    @FaultAssumption static Fault busy = Fault.on("api").http().responseHeader("Content-Length", "5").error(503, "busy");
  }

  static class BadKafka extends RuleBase {
    @Chaos(value = "bus", protocol = ChaosProtocol.KAFKA) static InetSocketAddress bus = EchoServer.address();
    @FaultAssumption static Fault notLeader = Fault.on("bus").kafka().topic("orders").error("NOT_THE_LEADER");
  }

  static class BadAmqp extends RuleBase {
    @Chaos(value = "mq", protocol = ChaosProtocol.AMQP) static InetSocketAddress mq = EchoServer.address();
    @FaultAssumption static Fault gone = Fault.on("mq").amqp().queue("orders").closeChannel(404, "NOT_FOUND - no queue");
  }

  static class BadNats extends RuleBase {
    @Chaos(value = "bus", protocol = ChaosProtocol.NATS) static InetSocketAddress bus = EchoServer.address();
    @FaultAssumption static Fault late = Fault.on("bus").nats().subject("orders.>.eu").drop();
  }

  static class BadMongo extends RuleBase {
    @Chaos(value = "db", protocol = ChaosProtocol.MONGODB) static InetSocketAddress db = EchoServer.address();
    @FaultAssumption static Fault anyInsert = Fault.on("db").mongo().collection("orders").closeConnection();
  }

  static class BadMemcached extends RuleBase {
    @Chaos(value = "cache", protocol = ChaosProtocol.MEMCACHED) static InetSocketAddress cache = EchoServer.address();
    @FaultAssumption static Fault stale = Fault.on("cache").memcached().command("set").miss();
  }

  static class BadGrpc extends RuleBase {
    @Chaos(value = "rpc", protocol = ChaosProtocol.GRPC) static InetSocketAddress rpc = EchoServer.address();
    @FaultAssumption static Fault lost = Fault.on("rpc").grpc().method("orders.Orders/Create").drop(DropMode.TIMEOUT);
  }
}
