package dev.chaosjunit.proxy.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.images.Images;
import dev.chaosjunit.proxy.testkit.CapturedSeeds;
import dev.chaosjunit.proxy.testkit.TrafficRecorder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Captures pgjdbc's traffic with a real PostgreSQL as seeds of {@link PostgresFuzzTest} (see {@link CapturedSeeds}). */
@Tag("capture")
class PostgresCaptureTest {

  @Test
  void pgjdbc() throws Exception {
    try (PostgreSQLContainer db = new PostgreSQLContainer(Images.postgres())) {
      db.start();
      try (TrafficRecorder recorder = TrafficRecorder.to(db.getHost(), db.getFirstMappedPort())) {
        // sslmode=disable: with pgjdbc's default (prefer) the server would answer its SSLRequest, which through the
        // proxy never reaches the server (the session declines it itself), so the replay would lose step there
        String url = "jdbc:postgresql://127.0.0.1:" + recorder.port() + "/" + db.getDatabaseName() + "?sslmode=disable";
        try (Connection c = DriverManager.getConnection(url, db.getUsername(), db.getPassword());
            Statement s = c.createStatement()) {
          s.execute("CREATE TABLE orders (id int PRIMARY KEY, note text)");
          try (PreparedStatement insert = c.prepareStatement("INSERT INTO orders VALUES (?, ?)")) {
            for (int id = 1; id <= 6; id++) {
              insert.setInt(1, id);
              insert.setString(2, "order " + id);
              insert.executeUpdate();
            }
          }
          c.setAutoCommit(false);
          s.executeUpdate("UPDATE orders SET note = 'paid' WHERE id = 1");
          c.commit();
          c.setAutoCommit(true);
          assertThatThrownBy(() -> s.execute("INSERT INTO orders VALUES (1, 'again')")).isInstanceOf(SQLException.class);
          assertThat(s.executeQuery("SELECT count(*) FROM orders").next()).isTrue();
        }
        assertThat(CapturedSeeds.save(PostgresFuzzTest.class, "session", "pgjdbc", recorder,
            new PostgresFuzzTest()::session)).isEqualTo(1);
      }
    }
  }
}
