package dev.chaosjunit.junit.e2e;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.Expect;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Protocol rules through the engine's inspectors: the real drivers see a SQLSTATE and a Redis error. */
class ProtocolRulesTest {

  @Test
  void protocolRulesReachTheRealClients() {
    EngineExecutionResults results = Fixtures.run(Rules.class, Map.of("chaos.seed", "3"));

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("insert × no fault", "insert × diskFull",
        "insert × readOnly", "cacheWrite × no fault", "cacheWrite × diskFull", "cacheWrite × readOnly");
  }

  @TestFixture
  @ChaosTest
  static class Rules {
    @Chaos("db") static PostgreSQLContainer db = new PostgreSQLContainer(Images.postgres());
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);

    @FaultAssumption static Fault diskFull = Fault.on("db").postgres().query("INSERT*").error("53100", "disk full");
    @FaultAssumption static Fault readOnly =
        Fault.on("cache").redis().command("SET").error("READONLY You can't write against a read only replica.");

    static Connection sql;
    static RedisClient redis;
    static StatefulRedisConnection<String, String> cacheConnection;

    @BeforeAll
    static void connect(ChaosTopology topology) throws SQLException {
      sql = DriverManager.getConnection(topology.proxy("db").jdbcUrl(), db.getUsername(), db.getPassword());
      sql.createStatement().execute("CREATE TABLE IF NOT EXISTS notes (body TEXT)");
      redis = RedisClient.create("redis://" + topology.proxy("cache").hostPort());
      cacheConnection = redis.connect();
    }

    @AfterAll
    static void close() throws SQLException {
      cacheConnection.close();
      redis.shutdown();
      sql.close();
    }

    @Scenario
    int insert() throws SQLException {
      return sql.createStatement().executeUpdate("INSERT INTO notes VALUES ('hello')");
    }

    @Scenario
    String cacheWrite() {
      return cacheConnection.sync().set("note", "hello");
    }

    @FaultMatrix(requireFiring = false)
    @Expect(scenario = "insert", fault = "diskFull", value = ERROR, within = "5s")
    @Expect(scenario = "cacheWrite", fault = "readOnly", value = ERROR, within = "5s")
    void rules(Cell cell) {
      if (cell.name().equals("insert × diskFull")) {
        assertThat(((SQLException) cell.outcome().error()).getSQLState()).isEqualTo("53100");
        assertThat(cell.totalFirings()).isEqualTo(1);
      }
      if (cell.name().equals("cacheWrite × readOnly")) {
        assertThat(cell.outcome().error()).isInstanceOf(RedisException.class)
            .hasMessageStartingWith("READONLY You can't write");
        assertThat(cell.totalFirings()).isEqualTo(1);
      }
    }
  }
}
