package dev.chaosjunit.images.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.images.Images;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.mariadb.MariaDBContainer;

/**
 * MariaDB through Testcontainers' module class, one write and one read with MariaDB Connector/J and
 * with MySQL Connector/J (MariaDB stands in for MySQL in the project's tests).
 */
class MariaDbSmokeTest {

  private static final MariaDBContainer MARIADB =
      new MariaDBContainer(Images.mariadb()).withStartupTimeout(Startup.TIMEOUT);

  @BeforeAll
  static void start() {
    MARIADB.start();
  }

  @AfterAll
  static void stop() {
    MARIADB.stop();
  }

  @Test
  void insertThenSelectWithMariaDbConnectorJ() throws SQLException {
    String url = MARIADB.getJdbcUrl();
    assertThat(url).startsWith("jdbc:mariadb://");

    assertRoundTrip(url, "mariadb_smoke", "MariaDB Connector/J");
  }

  @Test
  void insertThenSelectWithMySqlConnectorJ() throws SQLException {
    String url = "jdbc:mysql://" + MARIADB.getHost() + ":" + MARIADB.getMappedPort(3306) + "/"
        + MARIADB.getDatabaseName();

    assertRoundTrip(url, "mysql_smoke", "MySQL Connector/J");
  }

  private static void assertRoundTrip(String url, String table, String driverName)
      throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(url, MARIADB.getUsername(), MARIADB.getPassword());
        Statement statement = connection.createStatement()) {
      assertThat(connection.getMetaData().getDriverName()).isEqualTo(driverName);
      statement.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, word varchar(32))");
      statement.execute("INSERT INTO " + table + " VALUES (1, '" + table + "-ok')");
      try (ResultSet rows = statement.executeQuery("SELECT word FROM " + table + " WHERE id = 1")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo(table + "-ok");
      }
    }
  }
}
