package dev.chaosjunit.junit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.CellEvent;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.support.Eventually;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One HikariCP pool of two pgjdbc connections through the proxy of service {@code db} for a whole fixture
 * class: the same pool, through the same address, before, during and after each primitive.
 */
abstract class HikariPostgres {
  static HikariDataSource pool;

  /** A full pool whose connections give up a read after 2 s. */
  static void connect(ChaosTopology topology, PostgreSQLContainer db) throws SQLException, InterruptedException {
    connect(topology, db, 2);
  }

  static void connect(ChaosTopology topology, PostgreSQLContainer db, int socketTimeoutSeconds)
      throws SQLException, InterruptedException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(topology.proxy("db").jdbcUrl() + "&socketTimeout=" + socketTimeoutSeconds + "&loginTimeout=2");
    config.setUsername(db.getUsername());
    config.setPassword(db.getPassword());
    config.setMaximumPoolSize(2);
    config.setConnectionTimeout(3000);
    config.setValidationTimeout(1000);
    pool = new HikariDataSource(config);
    execute("CREATE TABLE IF NOT EXISTS notes (body TEXT)");
    for (Instant deadline = Instant.now().plusSeconds(10); pool.getHikariPoolMXBean().getTotalConnections() < 2
        && Instant.now().isBefore(deadline); ) {
      Thread.sleep(20);
    }
  }

  @AfterAll
  static void stop() {
    pool.close();
  }

  static void execute(String sql) throws SQLException {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Until the same pool writes again, for at most 10 s. */
  static void awaitWritable() throws Exception {
    Eventually.works(Duration.ofSeconds(10), () -> execute("INSERT INTO notes VALUES ('after')"));
  }

  /** The cell's primitive was applied, detected and reverted, in that order. */
  static void assertDetected(Cell cell) {
    if (!cell.faultName().equals(FaultMatrix.NO_FAULT)) {
      assertThat(cell.events().primitives()).extracting(CellEvent::kind).containsExactly(
          CellEvent.PRIMITIVE_APPLIED, CellEvent.PRIMITIVE_DETECTED, CellEvent.PRIMITIVE_REVERTED);
    }
  }
}
