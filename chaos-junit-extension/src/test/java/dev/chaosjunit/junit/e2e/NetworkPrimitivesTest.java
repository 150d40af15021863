package dev.chaosjunit.junit.e2e;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.CellEvent;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.Expect;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.junit.Soak;
import dev.chaosjunit.junit.SoakPlan;
import dev.chaosjunit.junit.SoakResult;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Network primitives at the proxies, in front of a real PostgreSQL used by a real HikariCP pool of pgjdbc
 * connections (and a real Redis used by a Jedis pool): what the application sees while the link is cut,
 * firewalled, slow, lossy or flapping, that the system noticed (a client timeout shows as the client
 * closing its connection), and that after the revert the same pool works again through the same address.
 */
class NetworkPrimitivesTest {

  @Test
  void partitionFirewallSlowAndLossyLinksAreSeenDetectedAndReverted() {
    EngineExecutionResults results = Fixtures.run(PostgresOverABadNetwork.class);

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("insert × no fault", "insert × partitioned",
        "insert × firewalled", "insert × slow", "insert × lossy");
  }

  @Test
  void aFlappingLinkGoesDownAndUpOnItsScheduleWhileTheApplicationRetries() {
    EngineExecutionResults results = Fixtures.run(PostgresOverAFlappingLink.class);

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("insertForAWhile × no fault", "insertForAWhile × flapping");
  }

  @Test
  void isolationCutsEveryServiceOfTheSubsetAndEachIsDetected() {
    EngineExecutionResults results = Fixtures.run(IsolatedDatabaseAndCache.class);

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("insertAndCache × no fault", "insertAndCache × isolated");
  }

  @Test
  void aSoakOfNetworkPrimitivesIsDetectedAndRecoveredWithinItsBudget() {
    EngineExecutionResults results = Fixtures.run(PostgresSoakedByTheNetwork.class);

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("soak(Soak, ChaosTopology)");
  }

  @Test
  void aSlowLinkThatTheClientToleratesIsUnnoticedFailsTheCellAndShowsOnTheTimeline(@TempDir Path reports)
      throws IOException {
    EngineExecutionResults results = Fixtures.run(PostgresOverATolerableSlowLink.class,
        Map.of("chaos.reports.dir", reports.toString()));

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).containsOnlyKeys("insert × slowish");
    assertThat(Fixtures.failures(results).get("insert × slowish"))
        .startsWith("the system did not notice slow link of [db]: no sign that a new connection through the proxy"
            + " reached the service within 2000 ms (0 connections lost, 0 opened); make the"
            + " client notice (e.g. a socket or command timeout), or choose the evidence and window with"
            + " Fault.on(\"db\").network().detectedBy(...).detectedWithin(...)")
        .contains("verdict   = failed");
    String json = Files.readString(reports.resolve("PostgresOverATolerableSlowLink.insertOverASlowLink.json"));
    assertThat(json).contains("\"kind\" : \"primitive-applied\"", "\"kind\" : \"primitive-not-detected\"",
        "\"kind\" : \"primitive-reverted\"", "\"primitive\" : \"slow link\"");
    assertThat(Files.readString(reports.resolve("index.html"))).as("the timeline: a band from apply to revert")
        .contains("<rect class=\"primitive\"", "primitive-applied db primitive=slow link",
            "primitive-not-detected db primitive=slow link detail=no sign that a new connection", "primitive-reverted");
  }

  @TestFixture
  @ChaosTest
  static class PostgresOverABadNetwork extends HikariPostgres {
    // tag::network-primitives[]
    @Chaos("db") static PostgreSQLContainer db = new PostgreSQLContainer(Images.postgres());

    @FaultAssumption static Fault partitioned = Fault.on("db").network().partition();
    @FaultAssumption static Fault firewalled = Fault.on("db").network().firewallInbound();
    @FaultAssumption static Fault slow = Fault.on("db").network().slowLink(Duration.ofSeconds(3), 100);
    @FaultAssumption static Fault lossy = Fault.on("db").network().lossyLink(1.0, Duration.ofMillis(200));
    // end::network-primitives[]

    @BeforeAll
    static void start(ChaosTopology topology) throws SQLException, InterruptedException {
      connect(topology, db);
    }

    @Scenario
    String insert() throws SQLException {
      execute("INSERT INTO notes VALUES ('during')");
      return "inserted";
    }

    @FaultMatrix(timeout = "20s")
    @Expect(fault = {"partitioned", "firewalled", "slow", "lossy"}, value = ERROR, within = "8s")
    void insertOverABadNetwork(Cell cell) throws Exception {
      if (!cell.faultName().equals(FaultMatrix.NO_FAULT)) {
        assertThat(cell.outcome().error()).as("what the application sees").isInstanceOf(SQLException.class);
      }
      if (List.of("partitioned", "firewalled", "slow").contains(cell.faultName())) {
        assertThat(cell.outcome().duration()).as("no answer: a read or the pool's wait times out")
            .isGreaterThan(Duration.ofMillis(1900));
      }
      assertDetected(cell);
      awaitWritable();
    }
  }

  @TestFixture
  @ChaosTest
  static class PostgresOverAFlappingLink extends HikariPostgres {
    @Chaos("db") static PostgreSQLContainer db = new PostgreSQLContainer(Images.postgres());

    /** Down for 1.5 to 4.5 s (longer than the 1 s socket timeout), then up as long, and so on. */
    @FaultAssumption static Fault flapping = Fault.on("db").network().flapping(Duration.ofMillis(3000));

    @BeforeAll
    static void start(ChaosTopology topology) throws SQLException, InterruptedException {
      connect(topology, db, 1);
    }

    /** Inserts one after another for 7 s, as a retrying application does; what each attempt did, in order. */
    @Scenario
    List<String> insertForAWhile() throws InterruptedException {
      List<String> attempts = new ArrayList<>();
      for (Instant end = Instant.now().plusSeconds(7); Instant.now().isBefore(end); Thread.sleep(100)) {
        try {
          execute("INSERT INTO notes VALUES ('flapping')");
          attempts.add("ok");
        } catch (SQLException e) {
          attempts.add("failed");
        }
      }
      return attempts;
    }

    @FaultMatrix(timeout = "20s")
    @SuppressWarnings("unchecked")
    void insertOverAFlappingLink(Cell cell) throws Exception {
      List<String> attempts = (List<String>) cell.outcome().value();
      if (cell.faultName().equals("flapping")) {
        assertThat(attempts).as("what the application sees: fails while the link is down, works once it is up")
            .contains("failed");
        assertThat(attempts.subList(attempts.indexOf("failed"), attempts.size())).contains("ok");
        assertThat(cell.events().ofKind(CellEvent.PRIMITIVE_REVERTED).list().get(0).attribute("detail"))
            .as("the phases it went through").get().asString()
            .matches("down \\d+-\\d+ ms, up \\d+-\\d+ ms.*");
        assertThat(cell.events()).filteredOn(e -> e.is(CellEvent.FAULT_REVERTED))
            .extracting(CellEvent::fault).contains("flapping_bandwidth_upstream", "flapping_bandwidth_downstream");
      } else {
        assertThat(attempts).doesNotContain("failed");
      }
      assertDetected(cell);
      awaitWritable();
    }
  }

  @TestFixture
  @ChaosTest
  static class IsolatedDatabaseAndCache extends HikariPostgres {
    @Chaos("db") static PostgreSQLContainer db = new PostgreSQLContainer(Images.postgres());
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);

    @FaultAssumption static Fault isolated = Fault.isolate("db", "cache");

    static JedisPool redis;

    @BeforeAll
    static void start(ChaosTopology topology) throws SQLException, InterruptedException {
      connect(topology, db);
      redis = new JedisPool(new JedisPoolConfig(), topology.proxy("cache").host(), topology.proxy("cache").port(), 1000);
    }

    @AfterAll
    static void stopRedis() {
      redis.close();
    }

    /** Writes to both services, each whatever the other does, the cache once more on a new connection. */
    @Scenario
    String insertAndCache() throws SQLException {
      SQLException database = null;
      try {
        execute("INSERT INTO notes VALUES ('isolated')");
      } catch (SQLException e) {
        database = e;
      }
      try {
        cache("isolated");
      } catch (JedisConnectionException e) {
        cache("again");
      }
      if (database != null) {
        throw database;
      }
      return "written";
    }

    private static void cache(String note) {
      try (Jedis jedis = redis.getResource()) {
        jedis.set("note", note);
      }
    }

    @FaultMatrix(timeout = "20s")
    @Expect(fault = "isolated", value = ERROR, within = "8s")
    void insertAndCacheWhileIsolated(Cell cell) throws Exception {
      if (cell.faultName().equals("isolated")) {
        assertThat(cell.outcome().error()).as("what the application sees: the cache's read timed out")
            .isInstanceOf(JedisConnectionException.class);
        assertThat(cell.events().ofKind(CellEvent.PRIMITIVE_DETECTED)).extracting(CellEvent::proxy)
            .containsExactlyInAnyOrder("db", "cache");
      }
      awaitWritable();
      try (Jedis jedis = redis.getResource()) {
        assertThat(jedis.set("after", "revert")).isEqualTo("OK");
      }
    }
  }

  @TestFixture
  @ChaosTest(seed = "7")
  static class PostgresSoakedByTheNetwork extends HikariPostgres {
    @Chaos("db") static PostgreSQLContainer db = new PostgreSQLContainer(Images.postgres());

    static final SoakPlan PLAN = new SoakPlan(Duration.ofSeconds(21), Duration.ofSeconds(2), Duration.ofSeconds(5), 15,
        List.of(Fault.on("db").network().partition(), Fault.on("db").network().firewallInbound(),
            Fault.on("db").network().flapping(Duration.ofMillis(3000)),
            Fault.on("db").network().lossyLink(1.0, Duration.ofMillis(100))));

    @Test
    void soak(Soak soak, ChaosTopology topology) throws Exception {
      connect(topology, db, 1);

      SoakResult result = soak.run(PLAN, () -> execute("INSERT INTO notes VALUES ('soaked')"));

      assertThat(result.events()).extracting(SoakResult.Event::fault).isEqualTo(
          PLAN.schedule(7).stream().map(s -> s.fault().describe()).toList());
      assertThat(result.events()).as(result.describe()).allMatch(SoakResult.Event::detected)
          .allMatch(SoakResult.Event::recovered);
      result.assertWithinBudget();
    }
  }

  @TestFixture
  @ChaosTest
  static class PostgresOverATolerableSlowLink extends HikariPostgres {
    @Chaos("db") static PostgreSQLContainer db = new PostgreSQLContainer(Images.postgres());

    @FaultAssumption static Fault slowish = Fault.on("db").network().detectedWithin(Duration.ofSeconds(2))
        .slowLink(Duration.ofMillis(300), 1000);

    @BeforeAll
    static void start(ChaosTopology topology) throws SQLException, InterruptedException {
      connect(topology, db);
    }

    @Scenario
    String insert() throws SQLException {
      execute("INSERT INTO notes VALUES ('slowly')");
      return "inserted";
    }

    @FaultMatrix
    void insertOverASlowLink(Cell cell) throws Exception {
      awaitWritable();
    }
  }
}
