package dev.chaosjunit.proxy.mysql;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.mariadb.MariaDBContainer;

/**
 * Captures the MariaDB and MySQL Connector/J drivers' traffic with a real MariaDB as seeds of {@link
 * MysqlFuzzTest} (see {@link CapturedSeeds}): the text protocol, server-side prepared statements, an error.
 */
@Tag("capture")
class MysqlCaptureTest {

  @ParameterizedTest
  @ValueSource(strings = {"mariadb", "mysql+useServerPrepStmts=true&sslMode=DISABLED"})
  void driver(String driver) throws Exception {
    try (MariaDBContainer db = new MariaDBContainer(Images.mariadb())) {
      db.start();
      try (TrafficRecorder recorder = TrafficRecorder.to(db.getHost(), db.getFirstMappedPort())) {
        String[] parts = driver.split("\\+", 2);
        String url = "jdbc:" + parts[0] + "://127.0.0.1:" + recorder.port() + "/" + db.getDatabaseName()
            + "?allowPublicKeyRetrieval=true" + (parts.length > 1 ? "&" + parts[1] : "");
        try (Connection c = DriverManager.getConnection(url, db.getUsername(), db.getPassword());
            Statement s = c.createStatement()) {
          s.execute("CREATE TABLE orders (id int PRIMARY KEY, note text)");
          try (PreparedStatement insert = c.prepareStatement("INSERT INTO orders VALUES (?, ?)")) {
            for (int id = 1; id <= 4; id++) {
              insert.setInt(1, id);
              insert.setString(2, "order " + id);
              insert.executeUpdate();
            }
          }
          assertThatThrownBy(() -> s.execute("INSERT INTO orders VALUES (1, 'again')")).isInstanceOf(SQLException.class);
          assertThat(s.executeQuery("SELECT id, note FROM orders ORDER BY id").next()).isTrue();
        }
        assertThat(CapturedSeeds.save(MysqlFuzzTest.class, "session", parts[0], recorder, new MysqlFuzzTest()::session))
            .isPositive();
      }
    }
  }
}
