package dev.chaosjunit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.NetworkPrimitive.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkPrimitiveTest {

  @Test
  void aPartitionHoldsBothDirectionsAndAFirewallOnlyTheClientsBytes() {
    NetworkPrimitive partition = primitive(Fault.on("db").network().partition(), 0);
    NetworkPrimitive firewall = primitive(Fault.on("db").network().firewallInbound(), 0);

    assertThat(partition.toxics()).extracting(Toxic::describe)
        .containsExactly("bandwidth upstream (rate=0)", "bandwidth downstream (rate=0)");
    assertThat(partition.toxics()).extracting(Toxic::name)
        .containsExactly("partition_bandwidth_upstream", "partition_bandwidth_downstream");
    assertThat(firewall.toxics()).extracting(Toxic::describe).containsExactly("bandwidth upstream (rate=0)");
    assertThat(partition.evidence()).isEqualTo(Evidence.NEW_CONNECTION);
    assertThat(partition.within()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void slowAndLossyLinksAreToxicsWithTheirNumbers() {
    NetworkPrimitive slow = primitive(Fault.on("db").network().slowLink(Duration.ofMillis(300), 100), 0);
    NetworkPrimitive lossy = primitive(Fault.on("db").network().lossyLink(0.25, Duration.ofMillis(400)), 0);

    assertThat(slow.toxics()).extracting(Toxic::describe).containsExactly("latency downstream (latency=300, jitter=0)",
        "bandwidth upstream (rate=100)", "bandwidth downstream (rate=100)");
    assertThat(lossy.toxics()).extracting(Toxic::describe).containsExactly(
        "latency downstream (latency=200, jitter=200)", "reset_peer upstream (timeout=0) toxicity=0.25");
    assertThat(slow.evidence()).isEqualTo(Evidence.NEW_CONNECTION);
    assertThat(lossy.evidence()).isEqualTo(Evidence.CONNECTION_LOST);
  }

  @Test
  void namingAFaultNamesTheToxicsOfItsNetworkPrimitive() {
    Fault named = Fault.on("cache").network().detectedWithin(Duration.ofSeconds(3)).flapping(Duration.ofSeconds(1))
        .named("flaky");

    NetworkPrimitive flapping = primitive(named, 0);
    assertThat(flapping.kind()).isEqualTo(Kind.FLAPPING);
    assertThat(flapping.flapPhase()).isEqualTo(Duration.ofSeconds(1));
    assertThat(flapping.toxics()).extracting(Toxic::name)
        .containsExactly("flaky_bandwidth_upstream", "flaky_bandwidth_downstream");
    assertThat(named.describe()).isEqualTo("cache: flapping link (phases of about 1000 ms) [bandwidth upstream (rate=0);"
        + " bandwidth downstream (rate=0)] (detected when a new connection through the proxy reached the service,"
        + " within 3000 ms)");
  }

  @Test
  void evidenceCanBeChosen() {
    assertThat(primitive(Fault.on("db").network().detectedBy(Evidence.RECONNECTED).partition(), 0).evidence())
        .isEqualTo(Evidence.RECONNECTED);
  }

  @Test
  void isolationPartitionsEachServiceOfTheSubset() {
    Fault isolated = Fault.isolate("db", "cache");

    assertThat(isolated.services()).containsExactly("db", "cache");
    assertThat(List.of(primitive(isolated, 0).kind(), primitive(isolated, 1).kind()))
        .containsExactly(Kind.PARTITION, Kind.PARTITION);
  }

  @Test
  void badNumbersAreRefusedNamingTheValueAndTheFix() {
    assertThatThrownBy(() -> Fault.on("db").network().flapping(Duration.ZERO))
        .hasMessage("the mean phase of a flapping link must be a positive duration, was [PT0S]");
    assertThatThrownBy(() -> Fault.on("db").network().slowLink(Duration.ofMillis(100), 0))
        .hasMessage("the rate of a slow link must be > 0 KB/s, was [0]; for a link that passes nothing use partition()");
    assertThatThrownBy(() -> Fault.on("db").network().slowLink(Duration.ofMillis(-1), 10))
        .hasMessage("slow link latency must be a non-negative duration, was [PT-0.001S]");
    assertThatThrownBy(() -> Fault.on("db").network().lossyLink(1.5, Duration.ofMillis(100)))
        .hasMessage("reset share of a lossy link must be between 0 and 1, was [1.5]");
    assertThatThrownBy(() -> Fault.on("db").network().detectedWithin(Duration.ofSeconds(-1)).partition())
        .hasMessage("the detection window of [partition] must be a positive duration, was [PT-1S]");
    assertThatThrownBy(() -> Fault.isolate("db"))
        .hasMessage("isolation needs two or more distinct services, was [db]; for one service use"
            + " Fault.on(service).network().partition()");
    assertThatThrownBy(() -> Fault.isolate("db", "db"))
        .hasMessageStartingWith("isolation needs two or more distinct services, was [db, db]");
  }

  @Test
  void aPartitionBetweenTwoServicesCutsEachFromTheOtherAtItsProxy() {
    Fault apart = Fault.partition("orders", "users").named("apart");

    assertThat(apart.services()).containsExactly("users", "orders");
    assertThat(List.of(primitive(apart, 0).peer(), primitive(apart, 1).peer())).containsExactly("orders", "users");
    assertThat(primitive(apart, 0).toxics()).extracting(Toxic::name)
        .containsExactly("apart_bandwidth_upstream", "apart_bandwidth_downstream");
    assertThat(apart.describe()).startsWith("users: partition from [orders] [bandwidth upstream (rate=0); ");
    NetworkPrimitive fromAddress = primitive(apart, 0).from(Set.of("172.17.0.4"));
    assertThat(fromAddress.toxics()).allSatisfy(toxic -> {
      assertThat(toxic.actsOn("172.17.0.4")).isTrue();
      assertThat(toxic.actsOn("172.17.0.1")).isFalse();
    });
    assertThat(fromAddress.describe()).contains("bandwidth upstream (rate=0) from [172.17.0.4]");
  }

  @Test
  void aServiceCannotBePartitionedFromItself() {
    assertThatThrownBy(() -> Fault.partition("db", "db"))
        .hasMessage("service [db] cannot be partitioned from itself; name another service, or cut it from everyone"
            + " with partition()");
    assertThatThrownBy(() -> Fault.on("db").network().partitionFrom(" "))
        .hasMessage("the peer of a partition must not be blank");
  }

  private static NetworkPrimitive primitive(Fault fault, int index) {
    return (NetworkPrimitive) fault.effects().get(index).effect();
  }
}
