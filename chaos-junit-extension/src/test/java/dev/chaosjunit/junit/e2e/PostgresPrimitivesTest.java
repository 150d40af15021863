package dev.chaosjunit.junit.e2e;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.Expect;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Container primitives on a real PostgreSQL, used by a real HikariCP pool of pgjdbc connections through
 * the proxy: what the application sees while the container is killed, restarted, paused or its disk is
 * full, that the system noticed (the evidence), and that after the revert the same pool works again
 * through the same proxy address.
 */
class PostgresPrimitivesTest {

  @Test
  void killRestartAndPauseAreSeenDetectedAndReverted() {
    EngineExecutionResults results = Fixtures.run(PostgresUnderChaos.class);

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("insert × no fault", "insert × killed",
        "insert × restarted", "insert × paused");
  }

  @Test
  void aFullDiskIsSeenDetectedAndFreed() {
    EngineExecutionResults results = Fixtures.run(PostgresDiskFull.class);

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("insert × no fault", "insert × diskFull");
  }

  /**
   * The shared pool, and the scenario: an insert that needs new pages, on a connection the application
   * checks before use (as a pool validating every borrow would): a pooled connection whose server was
   * killed is replaced, not used. Without the check the outcome after a restart would depend on timing:
   * HikariCP hands out a connection used in the last 500 ms without validating it.
   */
  abstract static class PooledPostgres extends HikariPostgres {
    @Scenario
    String insert() throws SQLException {
      try (Connection connection = checkedConnection(); Statement statement = connection.createStatement()) {
        statement.execute("INSERT INTO notes SELECT repeat('x', 1000) FROM generate_series(1, 100)");
      }
      return "inserted";
    }

    /** A pooled connection that answers, evicting those that do not (at most the pool's two). */
    private static Connection checkedConnection() throws SQLException {
      for (int evicted = 0; evicted < 2; evicted++) {
        Connection connection = pool.getConnection();
        if (connection.isValid(1)) {
          return connection;
        }
        pool.evictConnection(connection);
      }
      return pool.getConnection();
    }

    static void assertDetectedAndRestored(Cell cell) throws Exception {
      assertDetected(cell);
      execute("INSERT INTO notes VALUES ('after')");
    }
  }

  @TestFixture
  @ChaosTest
  static class PostgresUnderChaos extends PooledPostgres {
    // tag::primitives[]
    @Chaos("db") static PostgreSQLContainer db = new PostgreSQLContainer(Images.postgres());

    @FaultAssumption static Fault killed = Fault.on("db").container().kill();
    @FaultAssumption static Fault restarted = Fault.on("db").container().detectedWithin(Duration.ofSeconds(20)).restart();
    @FaultAssumption static Fault paused = Fault.on("db").container().pause();
    // end::primitives[]

    @BeforeAll
    static void start(ChaosTopology topology) throws Exception {
      connect(topology, db);
    }

    @FaultMatrix(timeout = "20s")
    @Expect(fault = {"killed", "paused"}, value = ERROR, within = "8s")
    void insertUnderChaos(Cell cell) throws Exception {
      if (!cell.faultName().equals(FaultMatrix.NO_FAULT) && !cell.faultName().equals("restarted")) {
        assertThat(cell.outcome().error()).as("what the application sees").isInstanceOf(SQLException.class);
      }
      if (cell.faultName().equals("paused")) {
        assertThat(cell.outcome().duration()).as("a frozen database is slow, not dead").isGreaterThan(Duration.ofSeconds(1));
      }
      assertDetectedAndRestored(cell);
    }
  }

  @TestFixture
  @ChaosTest
  static class PostgresDiskFull extends PooledPostgres {
    @Chaos("db") static PostgreSQLContainer db = new PostgreSQLContainer(Images.postgres())
        .withTmpFs(Map.of("/var/lib/postgresql/data", "rw,size=100m"));

    @FaultAssumption static Fault diskFull = Fault.on("db").container().diskFull();

    @BeforeAll
    static void start(ChaosTopology topology) throws Exception {
      connect(topology, db);
    }

    @FaultMatrix
    @Expect(fault = "diskFull", value = ERROR, within = "5s")
    void insertOnAFullDisk(Cell cell) throws Exception {
      if (cell.faultName().equals("diskFull")) {
        assertThat(cell.outcome().error()).as("what the application sees").isInstanceOfSatisfying(SQLException.class,
            e -> assertThat(e.getSQLState()).isEqualTo("53100")).hasMessageContaining("No space left on device");
      }
      assertDetectedAndRestored(cell);
    }
  }
}
