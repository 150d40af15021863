package dev.chaosjunit.junit.e2e;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A burst kill: two services killed together by one fault ({@code Fault.allOf}), each kill detected on its
 * own proxy, both started again when the cell ends, after which the same clients work again.
 */
class BurstKillTest {

  @Test
  void bothKillsAreDetectedAndBothServicesComeBack() {
    EngineExecutionResults results = Fixtures.run(DatabaseAndCache.class);

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("store × no fault", "store × burst");
  }

  @TestFixture
  @ChaosTest
  static class DatabaseAndCache {
    @Chaos("db") static PostgreSQLContainer db = new PostgreSQLContainer(Images.postgres());
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);

    @FaultAssumption static Fault burst = Fault.allOf(Fault.on("db").container().kill(), Fault.on("cache").container().kill());

    static HikariDataSource pool;
    static ClientResources resources;
    static RedisClient client;
    static StatefulRedisConnection<String, String> redis;

    @BeforeAll
    static void start(ChaosTopology topology) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(topology.proxy("db").jdbcUrl());
      config.setUsername(db.getUsername());
      config.setPassword(db.getPassword());
      config.setMaximumPoolSize(2);
      config.setConnectionTimeout(3000);
      pool = new HikariDataSource(config);
      resources = ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(100))).build();
      RedisURI uri = RedisURI.create("redis://" + topology.proxy("cache").hostPort());
      uri.setTimeout(Duration.ofSeconds(1));
      client = RedisClient.create(resources, uri);
      redis = client.connect();
    }

    @AfterAll
    static void stop() {
      redis.close();
      client.shutdown();
      resources.shutdown();
      pool.close();
    }

    @Scenario
    String store() throws SQLException {
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("SELECT 1");
      }
      return redis.sync().set("order", "stored");
    }

    @FaultMatrix(timeout = "20s")
    @Expect(fault = "burst", value = ERROR, within = "5s")
    void storeUnderBurst(Cell cell) throws Exception {
      if (cell.faultName().equals("burst")) {
        assertThat(cell.events().ofKind(CellEvent.PRIMITIVE_DETECTED)).extracting(CellEvent::proxy)
            .containsExactlyInAnyOrder("db", "cache");
        assertThat(cell.events().ofKind(CellEvent.PRIMITIVE_REVERTED)).extracting(CellEvent::proxy)
            .containsExactly("cache", "db");
      }
      awaitStored();
    }

    /** Until both clients work again, for at most 10 s (Lettuce reconnects on its own schedule). */
    private void awaitStored() throws Exception {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (true) {
        try {
          assertThat(store()).isEqualTo("OK");
          return;
        } catch (RuntimeException | SQLException notYet) {
          if (System.nanoTime() > deadline) {
            throw notYet;
          }
          Thread.sleep(100);
        }
      }
    }
  }
}
