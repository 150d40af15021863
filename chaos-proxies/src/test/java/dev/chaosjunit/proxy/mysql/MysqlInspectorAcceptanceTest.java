package dev.chaosjunit.proxy.mysql;

import static dev.chaosjunit.proxy.sql.OrdersTable.direct;
import static dev.chaosjunit.proxy.sql.OrdersTable.insert;
import static dev.chaosjunit.proxy.sql.OrdersTable.rowCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mariadb.MariaDBContainer;

/** MariaDB Connector/J and MySQL Connector/J, text and server-side prepared, through the proxy. */
@Testcontainers
class MysqlInspectorAcceptanceTest {

  @Container
  static final MariaDBContainer DB = new MariaDBContainer(Images.mariadb());

  private static ProxyEngine engine;
  private static Proxy proxy;

  @BeforeAll
  static void start() throws SQLException {
    engine = ProxyEngine.start();
    proxy = engine.create(ProxySpec.of("db", DB.getHost() + ":" + DB.getFirstMappedPort()).withProtocol("mysql"));
    try (Connection c = direct(DB); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id int PRIMARY KEY, note varchar(100)) ENGINE=InnoDB");
      s.execute("CREATE PROCEDURE two_results() BEGIN SELECT 1 AS one; SELECT 'two' AS two; END");
    }
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @AfterEach
  void clean() throws SQLException {
    proxy.rules().forEach(rule -> proxy.removeRule(rule.name()));
    try (Connection c = direct(DB); Statement s = c.createStatement()) {
      s.execute("DELETE FROM orders");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mariadb", "mariadb+useServerPrepStmts=true", "mysql", "mysql+useServerPrepStmts=true"})
  void deadlockErrorReachesTheApplicationAndTheRowIsNotWritten(String driver) throws SQLException {
    proxy.addRule(new Rule("deadlock", "", Direction.UPSTREAM, Map.of("sql", "insert into orders*"),
        new Action.Error("1213", "Deadlock found when trying to get lock; try restarting transaction",
            Map.of("sqlstate", "40001")), 1, 0, 0));
    try (Connection c = connect(driver, "")) {
      assertThatThrownBy(() -> insert(c, 1)).isInstanceOfSatisfying(SQLException.class, e -> {
        assertThat(e.getErrorCode()).isEqualTo(1213);
        assertThat(e.getSQLState()).isEqualTo("40001");
        assertThat(e.getMessage()).contains("Deadlock found when trying to get lock");
      });
      assertThat(rowCount(c)).as("the same connection goes on working").isZero();
      proxy.removeRule("deadlock");
      insert(c, 2);
      assertThat(rowCount(c)).isEqualTo(1);
      if (driver.endsWith("useServerPrepStmts=true")) {
        assertThat(sessionStatus(c, "Com_stmt_execute")).as("server-side prepared statements were used").isPositive();
      }
    }
    assertThat(proxy.ruleCounters("deadlock").fired()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mariadb", "mariadb+useServerPrepStmts=true", "mysql", "mysql+useServerPrepStmts=true"})
  void deadlockRollsTheWholeTransactionBackAsTheServerDoes(String driver) throws SQLException {
    proxy.addRule(new Rule("deadlock", "", Direction.UPSTREAM, Map.of("sql", "update orders*"),
        new Action.Error("1213", "", Map.of("sqlstate", "40001")), 1, 0, 0));
    try (Connection c = connect(driver, "")) {
      c.setAutoCommit(false);
      insert(c, 1);
      assertThatThrownBy(() -> updateNote(c, 1)).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getErrorCode()).isEqualTo(1213));
      c.commit();
      assertThat(rowCount(c)).as("the insert before the deadlock was rolled back").isZero();
      insert(c, 2);
      c.commit();
    }
    try (Connection c = direct(DB)) {
      assertThat(rowCount(c)).as("the connection went on with a new transaction").isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mariadb", "mysql+useServerPrepStmts=true"})
  void lockWaitTimeoutLeavesTheTransactionOpenUnlessTheRuleSaysRollback(String driver) throws SQLException {
    proxy.addRule(new Rule("timeout", "", Direction.UPSTREAM, Map.of("sql", "update orders*"),
        Action.Error.of("1205", ""), 1, 0, 0));
    try (Connection c = connect(driver, "")) {
      c.setAutoCommit(false);
      insert(c, 1);
      assertThatThrownBy(() -> updateNote(c, 1)).isInstanceOf(SQLException.class);
      c.commit();
      proxy.removeRule("timeout");
      proxy.addRule(new Rule("timeout", "", Direction.UPSTREAM, Map.of("sql", "update orders*"),
          new Action.Error("1205", "", Map.of("rollback", "true")), 1, 0, 0));
      insert(c, 2);
      assertThatThrownBy(() -> updateNote(c, 2)).isInstanceOf(SQLException.class);
      c.commit();
    }
    try (Connection c = direct(DB)) {
      assertThat(rowCount(c)).as("row 1 committed, row 2 rolled back").isEqualTo(1);
    }
  }

  private static void updateNote(Connection c, int id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET note = ? WHERE id = ?")) {
      ps.setString(1, "updated");
      ps.setInt(2, id);
      ps.executeUpdate();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mariadb", "mariadb+useServerPrepStmts=true", "mysql", "mysql+useServerPrepStmts=true"})
  void multiResultSetsPassWithARuleInstalled(String driver) throws SQLException {
    proxy.addRule(new Rule("other", "", Direction.UPSTREAM, Map.of("sql", "DELETE*"),
        new Action.Error("1213", "", Map.of("sqlstate", "40001")), 1, 0, 0));
    try (Connection c = connect(driver, "allowMultiQueries=true")) {
      try (Statement s = c.createStatement()) {
        assertThat(s.execute("SELECT 1; SELECT 'two' UNION ALL SELECT 'three'")).isTrue();
        assertThat(allResults(s)).containsExactly("1", "two,three");
      }
      try (CallableStatement call = c.prepareCall("{call two_results()}")) {
        assertThat(call.execute()).isTrue();
        assertThat(allResults(call)).containsExactly("1", "two");
      }
      insert(c, 3);
      assertThat(rowCount(c)).isEqualTo(1);
    }
    assertThat(proxy.ruleCounters("other").fired()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mariadb+useServerPrepStmts=true", "mysql"})
  void respondAnswersOkWithoutWritingAndDelayIsFelt(String driver) throws SQLException {
    proxy.addRule(new Rule("ok", "", Direction.UPSTREAM, Map.of("command", "INSERT"),
        new Action.Respond(Map.of()), 1, 0, 0));
    proxy.addRule(new Rule("slow", "", Direction.UPSTREAM, Map.of("sql", "SELECT count(*) FROM orders"),
        new Action.Delay(Duration.ofMillis(1500)), 1, 0, 0));
    try (Connection c = connect(driver, "");
        PreparedStatement ps = c.prepareStatement("INSERT INTO orders (id, note) VALUES (?, ?)")) {
      ps.setInt(1, 5);
      ps.setString(2, "five");
      assertThat(ps.executeUpdate()).isZero();
      long start = System.nanoTime();
      assertThat(rowCount(c)).isZero();
      assertThat((System.nanoTime() - start) / 1_000_000).isBetween(1400L, 6000L);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mariadb", "mysql"})
  void multiStatementQueryFailsAtTheMatchedStatement(String driver) throws SQLException {
    proxy.addRule(new Rule("deadlock", "", Direction.UPSTREAM, Map.of("command", "INSERT"),
        new Action.Error("1213", "", Map.of("sqlstate", "40001")), 1, 0, 0));
    try (Connection c = connect(driver, "allowMultiQueries=true")) {
      List<String> seen = new ArrayList<>();
      assertThatThrownBy(() -> {
        try (Statement s = c.createStatement()) {
          s.execute("SELECT 'first'; INSERT INTO orders VALUES (9, 'x'); SELECT 'never'");
          seen.add(values(s.getResultSet()));
          s.getMoreResults();
        }
      }).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1213));
      assertThat(seen).isSubsetOf("first");
      assertThat(rowCount(c)).isZero();
    }
  }

  /** {@code driver} is {@code mariadb} or {@code mysql}, optionally followed by {@code +option=value}. */
  private static Connection connect(String driver, String extra) throws SQLException {
    String[] parts = driver.split("\\+", 2);
    String url = "jdbc:" + parts[0] + "://127.0.0.1:" + proxy.listenAddress().getPort() + "/" + DB.getDatabaseName()
        + "?allowPublicKeyRetrieval=true" + (parts.length > 1 ? "&" + parts[1] : "") + (extra.isEmpty() ? "" : "&" + extra);
    return DriverManager.getConnection(url, DB.getUsername(), DB.getPassword());
  }

  private static long sessionStatus(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE '" + name + "'")) {
      rs.next();
      return rs.getLong(2);
    }
  }

  private static List<String> allResults(Statement s) throws SQLException {
    List<String> results = new ArrayList<>();
    for (boolean resultSet = true; resultSet || s.getUpdateCount() != -1; resultSet = s.getMoreResults()) {
      if (resultSet) {
        results.add(values(s.getResultSet()));
      }
    }
    return results;
  }

  private static String values(ResultSet rs) throws SQLException {
    try (rs) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return String.join(",", values);
    }
  }
}
