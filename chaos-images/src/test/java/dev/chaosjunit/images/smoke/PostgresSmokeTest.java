package dev.chaosjunit.images.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.images.Images;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL through Testcontainers' module class, one write and one read with pgjdbc. */
class PostgresSmokeTest {

  @Test
  void insertThenSelectWithPgjdbc() throws SQLException {
    try (PostgreSQLContainer postgres =
        new PostgreSQLContainer(Images.postgres()).withStartupTimeout(Startup.TIMEOUT)) {
      postgres.start();
      try (Connection connection = DriverManager.getConnection(
              postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE smoke (id int PRIMARY KEY, word text)");
        statement.execute("INSERT INTO smoke VALUES (1, 'postgres-ok')");
        try (ResultSet rows = statement.executeQuery("SELECT word FROM smoke WHERE id = 1")) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getString(1)).isEqualTo("postgres-ok");
        }
        assertThat(connection.getMetaData().getDriverName()).isEqualTo("PostgreSQL JDBC Driver");
      }
    }
  }
}
