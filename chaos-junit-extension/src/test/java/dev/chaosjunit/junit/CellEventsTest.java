package dev.chaosjunit.junit;

import static dev.chaosjunit.junit.CellEvent.CONNECTION_OPENED;
import static dev.chaosjunit.junit.CellEvent.FAULT_APPLIED;
import static dev.chaosjunit.junit.CellEvent.FAULT_FIRED;
import static dev.chaosjunit.junit.CellEvent.FAULT_REVERTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.support.EchoClient;
import dev.chaosjunit.junit.support.EchoServer;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A cell's proxy events reach its body through {@link Cell#events()}, each cell only its own. */
class CellEventsTest {

  static final Map<String, CellEvents> SEEN = new ConcurrentHashMap<>();

  @BeforeEach
  void clear() {
    SEEN.clear();
  }

  @Test
  void aCellSeesItsFaultAppliedFiredAndRevertedAndTheConnectionsItOpened() {
    run();
    CellEvents events = SEEN.get("twice × slow");

    // the close of a connection only the previous cell used may come first (its connection is "earlier")
    assertThat(events.filter(e -> !e.attribute("connection").equals(java.util.Optional.of("earlier"))).list().get(0)
        .is(FAULT_APPLIED)).as("the first event of the cell's own").isTrue();
    assertThat(events.ofKind(FAULT_APPLIED, FAULT_REVERTED).ofFault("slow").stream().map(CellEvent::kind))
        .containsExactly(FAULT_APPLIED, FAULT_REVERTED);
    assertThat(events.ofKind(CONNECTION_OPENED).onProxy("echo").stream().map(e -> e.attribute("connection")))
        .containsExactly(java.util.Optional.of("1"), java.util.Optional.of("2"));
    assertThat(events.ofKind(FAULT_FIRED).list()).hasSize(2)
        .allSatisfy(e -> assertThat(e.attributes()).containsEntry("fault", "slow").containsEntry("action", "latency"));
    assertThat(events.before(e -> e.is(FAULT_FIRED), e -> e.is(CONNECTION_OPENED)))
        .as("the first connection's firing came before the second connection").isTrue();
    assertThat(events.before(e -> e.is(FAULT_REVERTED), e -> e.is(FAULT_FIRED))).isFalse();
    assertThat(events.ofKind(CONNECTION_OPENED).onProxy("spare")).as("no connection opened to spare").isEmpty();
    assertThat(events).allSatisfy(e -> assertThat(e.at().isNegative()).isFalse());
  }

  @Test
  void eachCellHasOnlyItsOwnEvents() {
    run();

    assertThat(SEEN).containsOnlyKeys("twice × no fault", "twice × slow", "other × no fault", "other × slow");
    assertThat(SEEN.get("twice × no fault").ofKind(FAULT_APPLIED, FAULT_FIRED)).isEmpty();
    assertThat(SEEN.get("twice × no fault").ofKind(CONNECTION_OPENED)).hasSize(2);
    assertThat(SEEN.get("other × slow").ofKind(CONNECTION_OPENED).onProxy("echo")).isEmpty();
    assertThat(SEEN.get("other × slow").ofKind(CONNECTION_OPENED).onProxy("spare")).hasSize(1);
    assertThat(SEEN.get("other × slow").ofKind(FAULT_FIRED)).as("the fault is on echo, untouched here").isEmpty();
  }

  @Test
  void eventsFilterByFaultIncludingItsFurtherEffectsAndCompareWithoutTimes() {
    CellEvent first = new CellEvent(Duration.ofMillis(1), FAULT_FIRED, "db", Map.of("fault", "down"));
    CellEvent second = new CellEvent(Duration.ofMillis(9), FAULT_FIRED, "cache", Map.of("fault", "down-2"));
    CellEvent other = new CellEvent(Duration.ofMillis(5), FAULT_FIRED, "db", Map.of("fault", "downstream"));
    CellEvents events = CellEvents.of(List.of(first, other, second));

    assertThat(events.ofFault("down")).containsExactly(first, second);
    assertThat(events.first(e -> e.proxy().equals("cache"))).contains(second);
    assertThat(events.descriptions()).containsExactly("fault-fired db fault=down", "fault-fired db fault=downstream",
        "fault-fired cache fault=down-2");
  }

  private static void run() {
    EngineExecutionResults results = Fixtures.run(Recorded.class);
    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
  }

  @TestFixture
  static class Recorded {
    @Chaos("echo") static InetSocketAddress echo = EchoServer.address();
    @Chaos("spare") static InetSocketAddress spare = EchoServer.address();
    @FaultAssumption static Fault slow = Fault.on("echo").latency(Duration.ofMillis(5));

    /** Two connections to echo, one after the other. */
    @Scenario
    String twice(ChaosTopology topology) throws IOException {
      return EchoClient.roundTrip(topology.proxy("echo"), "one", 3000)
          + EchoClient.roundTrip(topology.proxy("echo"), "two", 3000);
    }

    /** One connection to spare. */
    @Scenario
    String other(ChaosTopology topology) throws IOException {
      return EchoClient.roundTrip(topology.proxy("spare"), "other", 3000);
    }

    @FaultMatrix
    @Expect(scenario = "other", value = Expectation.SUCCESS, untouched = true)
    void matrix(Cell cell) {
      SEEN.put(cell.name(), cell.events());
    }
  }
}
