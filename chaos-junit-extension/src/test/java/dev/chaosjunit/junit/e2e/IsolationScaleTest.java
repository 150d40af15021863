package dev.chaosjunit.junit.e2e;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static dev.chaosjunit.junit.Expectation.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ExcludeCell;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.Expect;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Fault isolation at scale: a pooled application on real PostgreSQL and Redis under toxics, protocol rules
 * (errors, a reset and a blackhole drop), refused connections and a paused container, its cells run in an
 * order the seed shuffles, each followed by the sentinel ({@code chaos.isolation=check}). Every cell must pass
 * and leave nothing behind. {@code chaos-junit-extension/isolation-check N} runs it with N cells.
 */
class IsolationScaleTest {

  /** {@code @FaultMatrix(iterations)} of the matrix; {@code -Dchaos.iterations} overrides it. */
  static final int ITERATIONS = 11;
  /** Two scenarios under the baseline and nine faults, but for the excluded {@code lookup × dbPaused}. */
  static final int CELLS_PER_ITERATION = 19;
  private static final Pattern CELL = Pattern.compile("\"isolation\" : \"([^\"]*)\"");
  /** How the sentinel words a leak found by running the scenario again (what is left at the proxies reads otherwise). */
  private static final String SENTINEL_SCENARIO = "its scenario without a fault";

  /** Runs the matrix, scaled by {@code -Dchaos.iterations} and pinned by {@code -Dchaos.seed} when they are set. */
  @Test
  void hundredsOfCellsInRandomOrderLeaveNothingBehind(@TempDir Path reports) throws IOException {
    long start = System.nanoTime();
    Map<String, String> parameters = new HashMap<>(Map.of("chaos.isolation", "check", "chaos.order", "random",
        "chaos.reports.dir", reports.toString()));
    for (String scale : List.of("chaos.iterations", "chaos.seed")) {
      Optional.ofNullable(System.getProperty(scale)).ifPresent(value -> parameters.put(scale, value));
    }
    EngineExecutionResults results = Fixtures.run(PooledShop.class, parameters);
    long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();

    Fixtures.assertNoContainerFailed(results);
    String json = Files.readString(reports.resolve("PooledShop.shop.json"));
    long cells = CELL.matcher(json).results().filter(m -> !m.group(1).isEmpty()).count();
    List<String> leaks = CELL.matcher(json).results().map(m -> m.group(1))
        .filter(found -> !found.isEmpty() && !found.equals("baseline restored")).toList();
    long stateLeft = leaks.stream().filter(found -> !found.contains(SENTINEL_SCENARIO)).count();
    System.out.printf("isolation: %d cells run in random order with the sentinel, %d leaks (%d with state left at "
        + "the proxies or containers, %d whose scenario then failed or met a fault without one), %d failed, %d s%n",
        cells, leaks.size(), stateLeft, leaks.size() - stateLeft, results.testEvents().failed().count(), seconds);
    assertThat(Fixtures.failures(results)).isEmpty();
    int iterations = Integer.parseInt(System.getProperty("chaos.iterations", Integer.toString(ITERATIONS)));
    assertThat(cells).isEqualTo(results.testEvents().started().count()).isEqualTo(CELLS_PER_ITERATION * iterations);
    assertThat(leaks).isEmpty();
  }

  @TestFixture
  @ChaosTest
  static class PooledShop {
    @Chaos("db") static PostgreSQLContainer db = new PostgreSQLContainer(Images.postgres());
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);

    @FaultAssumption static Fault dbSlow = Fault.on("db").latency(Duration.ofMillis(20));
    @FaultAssumption static Fault cacheSlow = Fault.on("cache").latency(Duration.ofMillis(20), Duration.ofMillis(10));
    @FaultAssumption static Fault insertFails = Fault.on("db").postgres().query("INSERT*").error("53100", "disk full");
    @FaultAssumption static Fault cacheReadOnly = Fault.on("cache").redis().command("SET")
        .error("READONLY", "You can't write against a read only replica.");
    @FaultAssumption static Fault selectReset = Fault.on("db").postgres().query("SELECT*").drop(DropMode.RESET);
    @FaultAssumption static Fault getSwallowed = Fault.on("cache").redis().command("GET").drop(DropMode.BLACKHOLE);
    @FaultAssumption static Fault dbDown = Fault.on("db").refuseConnections();
    @FaultAssumption static Fault cacheDown = Fault.on("cache").refuseConnections();
    @FaultAssumption static Fault dbPaused = Fault.on("db").container().detectedWithin(Duration.ofSeconds(5)).pause();

    static HikariDataSource pool;
    static ClientResources resources;
    static RedisClient redisClient;
    static StatefulRedisConnection<String, String> redis;

    @BeforeAll
    static void start(ChaosTopology topology) throws SQLException {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(topology.proxy("db").jdbcUrl() + "&socketTimeout=2");
      config.setUsername(db.getUsername());
      config.setPassword(db.getPassword());
      config.setMaximumPoolSize(2);
      config.setConnectionTimeout(250);
      config.setValidationTimeout(250);
      config.setInitializationFailTimeout(30_000); // a loaded machine can be slow to answer a fresh server's first query
      pool = new HikariDataSource(config);
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE orders (item TEXT)");
      }
      resources = ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(50))).build();
      RedisURI uri = RedisURI.create("redis://" + topology.proxy("cache").hostPort());
      uri.setTimeout(Duration.ofSeconds(2));
      redisClient = RedisClient.create(resources, uri);
      redisClient.setOptions(ClientOptions.builder()
          .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(1))).build());
      redis = redisClient.connect();
    }

    @AfterAll
    static void stop() {
      redis.close();
      redisClient.shutdown();
      resources.shutdown();
      pool.close();
    }

    /**
     * Both pooled connections answer and Redis too: a fault that closed them (refused connections, a reset,
     * a pause) leaves HikariCP holding a dead connection until a borrower fails on it, which evicts it; without
     * this probe the next cell to borrow it fails, as the sentinel shows.
     */
    static boolean ready() {
      try (Connection first = pool.getConnection(); Connection second = pool.getConnection();
          Statement one = first.createStatement(); Statement two = second.createStatement()) {
        one.execute("SELECT 1");
        two.execute("SELECT 1");
        return "PONG".equals(redis.sync().ping());
      } catch (SQLException | RuntimeException notYet) {
        return false;
      }
    }

    @Scenario
    String order() throws SQLException {
      try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO orders VALUES (?)")) {
        s.setString(1, "book");
        s.executeUpdate();
      }
      return redis.sync().set("last-order", "book");
    }

    @Scenario
    String lookup() throws SQLException {
      try (Connection c = pool.getConnection(); Statement s = c.createStatement();
          ResultSet count = s.executeQuery("SELECT count(*) FROM orders")) {
        count.next();
      }
      return String.valueOf(redis.sync().get("last-order"));
    }

    @FaultMatrix(iterations = ITERATIONS, timeout = "5s", readiness = "ready", readinessTimeout = "10s")
    @Expect(scenario = "order", fault = {"insertFails", "cacheReadOnly"}, value = ERROR, within = "2s")
    @Expect(scenario = "lookup", fault = {"insertFails", "cacheReadOnly"}, value = SUCCESS, untouched = true)
    @Expect(scenario = "lookup", fault = {"selectReset", "getSwallowed"}, value = ERROR, within = "3s")
    @Expect(scenario = "order", fault = {"selectReset", "getSwallowed"}, value = SUCCESS, untouched = true)
    @Expect(fault = {"dbDown", "cacheDown", "dbPaused"}, value = ERROR, within = "4s")
    @ExcludeCell(scenario = "lookup", fault = "dbPaused", reason = "a pause costs two seconds; order meets it already")
    void shop() {}
  }
}
