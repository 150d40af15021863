package dev.chaosjunit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FaultTest {

  @Test
  void toxicsCarryToxiproxyAttributeNames() {
    Toxic latency = (Toxic) Fault.on("db").latency(Duration.ofSeconds(3), Duration.ofMillis(50)).effects().get(0);
    assertThat(latency.type()).isEqualTo("latency");
    assertThat(latency.stream()).isEqualTo(Stream.DOWNSTREAM);
    assertThat(latency.attributes()).containsExactly(Map.entry("latency", 3000L), Map.entry("jitter", 50L));

    Toxic slicer = (Toxic) Fault.on("db").upstream().slicer(64, 8, Duration.ofMillis(2)).effects().get(0);
    assertThat(slicer.stream()).isEqualTo(Stream.UPSTREAM);
    assertThat(slicer.attributes()).containsExactly(
        Map.entry("average_size", 64L), Map.entry("size_variation", 8L), Map.entry("delay", 2000L));
  }

  @Test
  void rulesCarryTheEngineParameterNames() {
    Rule pg = (Rule) Fault.on("db").postgres().query("INSERT*").times(1).error("53100", "disk full").effects().get(0);
    assertThat(pg.protocol()).isEqualTo("postgres");
    assertThat(pg.match()).containsExactly(Map.entry("sql", "INSERT*"));
    assertThat(pg.action()).isEqualTo(RuleAction.ERROR);
    assertThat(pg.params()).containsEntry("code", "53100").containsEntry("message", "disk full");
    assertThat(pg.times()).isEqualTo(1);

    Rule redis = (Rule) Fault.on("cache").redis().command("SET")
        .error("READONLY You can't write against a read only replica.").effects().get(0);
    assertThat(redis.params()).containsExactly(
        Map.entry("code", "READONLY"), Map.entry("message", "You can't write against a read only replica."));

    Rule http = (Rule) Fault.on("api").http().method("POST").header("X-Tenant", "a*")
        .responseHeader("Retry-After", "5").error(503, "busy").effects().get(0);
    assertThat(http.match()).containsExactly(Map.entry("method", "POST"), Map.entry("header.X-Tenant", "a*"));
    assertThat(http.params()).containsEntry("code", "503").containsEntry("header.Retry-After", "5");

    Rule drop = (Rule) Fault.on("bus").kafka().topic("orders").drop(DropMode.BLACKHOLE).effects().get(0);
    assertThat(drop.params()).containsExactly(Map.entry("mode", "blackhole"));
    Rule protocolDrop = (Rule) Fault.on("bus").kafka().topic("orders").drop().effects().get(0);
    assertThat(protocolDrop.params()).as("drop() leaves the mode to the protocol (Kafka: no response)").isEmpty();

    Rule deadlock = (Rule) Fault.on("db").mysql().query("UPDATE*").error(1213, "40001", "Deadlock").effects().get(0);
    assertThat(deadlock.params()).as("the proxy decides rollback by the code").doesNotContainKey("rollback");
    Rule timeout = (Rule) Fault.on("db").mysql().error(1205, "HY000", "Lock wait timeout", true).effects().get(0);
    assertThat(timeout.params()).containsEntry("code", "1205").containsEntry("rollback", "true");
  }

  @Test
  void faultsCompose() {
    Fault both = Fault.allOf(Fault.on("db").refuseConnections(), Fault.on("cache").timeout(Duration.ZERO));
    assertThat(both.services()).containsExactly("db", "cache");
    assertThat(both.describe()).isEqualTo("db: refuse connections; cache: timeout downstream (timeout=0)");
    assertThat(Fault.on("db").refuseConnections()).isEqualTo(Fault.on("db").refuseConnections());
  }

  @Nested
  class RejectsBadInput {
    @Test
    void blankService() {
      assertThatThrownBy(() -> Fault.on(" ")).hasMessage("service must not be blank");
    }

    @Test
    void badSqlState() {
      assertThatThrownBy(() -> Fault.on("db").postgres().error("531", "x"))
          .hasMessage("a SQLSTATE has five characters, was [531]");
    }

    @Test
    void negativeLatencyAndProbability() {
      assertThatThrownBy(() -> Fault.on("db").latency(Duration.ofMillis(-1)))
          .hasMessageContaining("latency must be a non-negative duration");
      assertThatThrownBy(() -> Fault.on("db").redis().probability(1.5))
          .hasMessage("probability must be between 0 and 1, was [1.5]");
    }
  }
}
