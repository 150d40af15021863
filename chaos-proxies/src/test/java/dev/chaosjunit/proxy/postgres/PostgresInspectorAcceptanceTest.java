package dev.chaosjunit.proxy.postgres;

import static dev.chaosjunit.proxy.sql.OrdersTable.direct;
import static dev.chaosjunit.proxy.sql.OrdersTable.insert;
import static dev.chaosjunit.proxy.sql.OrdersTable.rowCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.BatchUpdateException;
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
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** pgjdbc in its default mode (sslmode=prefer, extended protocol) through HikariCP and the proxy. */
@Testcontainers
class PostgresInspectorAcceptanceTest {

  @Container
  static final PostgreSQLContainer DB = new PostgreSQLContainer(Images.postgres());

  private static ProxyEngine engine;
  private static Proxy proxy;
  private static HikariDataSource pool;

  @BeforeAll
  static void start() throws SQLException {
    engine = ProxyEngine.start();
    proxy = engine.create(ProxySpec.of("db", DB.getHost() + ":" + DB.getFirstMappedPort()).withProtocol("postgres"));
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(proxiedUrl());
    config.setUsername(DB.getUsername());
    config.setPassword(DB.getPassword());
    config.setMaximumPoolSize(1);
    pool = new HikariDataSource(config);
    try (Connection c = direct(DB); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id int PRIMARY KEY, note text)");
    }
  }

  @AfterAll
  static void stop() {
    pool.close();
    engine.close();
  }

  @AfterEach
  void clean() throws SQLException {
    proxy.rules().forEach(rule -> proxy.removeRule(rule.name()));
    try (Connection c = direct(DB); Statement s = c.createStatement()) {
      s.execute("TRUNCATE orders");
    }
  }

  @Test
  void injectedErrorReachesTheApplicationAndTheStatementIsNotExecuted() throws SQLException {
    proxy.addRule(error("insert into orders*", Action.Error.of("53100", "could not extend file: disk full")));
    try (Connection c = pool.getConnection()) {
      int pid = backendPid(c);
      assertThatThrownBy(() -> insert(c, 1))
          .isInstanceOfSatisfying(PSQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("53100");
            assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("could not extend file: disk full");
            assertThat(e.getServerErrorMessage().getSeverity()).isEqualTo("ERROR");
          });
      assertThat(rowCount(c)).isZero();
      assertThat(backendPid(c)).as("same pooled connection").isEqualTo(pid);
    }
    assertThat(directRowCount()).isZero();
    assertThat(proxy.ruleCounters("r1").fired()).isEqualTo(1);
  }

  @Test
  void inATransactionTheInjectedErrorAbortsItLikeARealOne() throws SQLException {
    proxy.addRule(error("INSERT*", Action.Error.of("40P01", "deadlock detected")));
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      assertThat(rowCount(c)).isZero();
      assertThatThrownBy(() -> insert(c, 1)).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("40P01"));
      assertThatThrownBy(() -> rowCount(c)).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("25P02"));
      c.rollback();
      c.setAutoCommit(true);
      assertThat(rowCount(c)).isZero();
    }
  }

  @Test
  void pipelinedBatchFailsWhereTheServerWouldAndNothingIsWritten() throws SQLException {
    proxy.addRule(new Rule("r1", "", Direction.UPSTREAM, Map.of("command", "insert"),
        Action.Error.of("40P01", ""), 1, 2, 1));
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO orders VALUES (?, ?)")) {
      for (int id = 1; id <= 5; id++) {
        ps.setInt(1, id);
        ps.setString(2, "n" + id);
        ps.addBatch();
      }
      assertThatThrownBy(ps::executeBatch).isInstanceOfSatisfying(BatchUpdateException.class,
          e -> assertThat(e.getNextException().getSQLState()).isEqualTo("40P01"));
      assertThat(rowCount(c)).isZero();
    }
    assertThat(directRowCount()).isZero();
  }

  @Test
  void fatalAdminShutdownDropsTheConnection() throws SQLException {
    proxy.addRule(error("SELECT*", new Action.Error("57P01", "terminating connection due to administrator command",
        Map.of("severity", "FATAL"))));
    try (Connection c = DriverManager.getConnection(proxiedUrl(), DB.getUsername(), DB.getPassword())) {
      assertThatThrownBy(() -> rowCount(c)).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("57P01"));
      assertThat(c.isValid(2)).isFalse();
    }
  }

  @Test
  void droppedConnectionFailsTheStatementAndThePoolRecovers() throws SQLException {
    proxy.addRule(new Rule("drop", "", Direction.UPSTREAM, Map.of("sql", "select count(*) from orders"),
        new Action.Drop(DropMode.RESET), 1, 0, 1));
    try (Connection c = pool.getConnection()) {
      assertThatThrownBy(() -> rowCount(c)).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).startsWith("08"));
    }
    try (Connection c = pool.getConnection()) {
      assertThat(rowCount(c)).isZero();
    }
  }

  @Test
  void delayIsFeltByTheClientAndGoesAwayWithTheRule() throws SQLException {
    proxy.addRule(new Rule("slow", "", Direction.UPSTREAM, Map.of("sql", "SELECT*"),
        new Action.Delay(Duration.ofMillis(2000)), 1, 0, 0));
    try (Connection c = pool.getConnection()) {
      long slow = millis(() -> rowCount(c));
      proxy.removeRule("slow");
      long fast = millis(() -> rowCount(c));
      assertThat(slow).isBetween(1900L, 6000L);
      assertThat(fast).isLessThan(1000L);
    }
  }

  @Test
  void removingTheRuleRestoresTheSameConnection() throws SQLException {
    proxy.addRule(error("INSERT*", Action.Error.of("53100", "")));
    try (Connection c = pool.getConnection()) {
      assertThatThrownBy(() -> insert(c, 1)).isInstanceOf(SQLException.class);
      proxy.removeRule("r1");
      insert(c, 1);
      assertThat(rowCount(c)).isEqualTo(1);
    }
  }

  @Test
  void nonMatchingRuleChangesNothing() throws SQLException {
    proxy.addRule(error("DELETE FROM nothing*", Action.Error.of("53100", "")));
    String sql = "SELECT g, md5(g::text), decode(md5(g::text), 'hex'), now() - now() FROM generate_series(1, 3000) g";
    try (Connection c = pool.getConnection(); Connection d = direct(DB)) {
      for (int i = 0; i < 6; i++) {
        assertThat(rows(c, sql)).isEqualTo(rows(d, sql));
      }
    }
  }

  @Test
  void copyInAndOutWorkWithARuleInstalled() throws Exception {
    proxy.addRule(error("DELETE*", Action.Error.of("53100", "")));
    try (Connection c = pool.getConnection()) {
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      StringBuilder in = new StringBuilder();
      for (int id = 1; id <= 2000; id++) {
        in.append(id).append('\t').append("note ").append(id).append('\n');
      }
      assertThat(copy.copyIn("COPY orders FROM STDIN", new StringReader(in.toString()))).isEqualTo(2000);
      StringWriter out = new StringWriter();
      assertThat(copy.copyOut("COPY (SELECT * FROM orders ORDER BY id) TO STDOUT", out)).isEqualTo(2000);
      assertThat(out.toString()).isEqualTo(in.toString());
    }
  }

  @Test
  void listenNotifyWorksWithARuleInstalled() throws Exception {
    proxy.addRule(error("DELETE*", Action.Error.of("53100", "")));
    try (Connection listener = DriverManager.getConnection(proxiedUrl(), DB.getUsername(), DB.getPassword());
        Connection c = pool.getConnection()) {
      try (Statement s = listener.createStatement()) {
        s.execute("LISTEN orders_changed");
      }
      try (Statement s = c.createStatement()) {
        s.execute("NOTIFY orders_changed, 'order 7'");
      }
      PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(5000);
      assertThat(notifications).extracting(PGNotification::getParameter).containsExactly("order 7");
    }
  }

  @Test
  void scramAuthenticationPassesThrough() throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = current_user")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).startsWith("SCRAM-SHA-256$");
    }
  }

  private static Rule error(String sql, Action.Error error) {
    return new Rule("r1", "", Direction.UPSTREAM, Map.of("sql", sql), error, 1, 0, 0);
  }

  private static String proxiedUrl() {
    return "jdbc:postgresql://127.0.0.1:" + proxy.listenAddress().getPort() + "/" + DB.getDatabaseName();
  }

  private static int directRowCount() throws SQLException {
    try (Connection d = direct(DB)) {
      return rowCount(d);
    }
  }

  private static int backendPid(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + java.util.Arrays.toString(rs.getBytes(3)) + "|"
            + rs.getString(4));
      }
    }
    return rows;
  }

  private interface SqlAction {
    void run() throws SQLException;
  }

  private static long millis(SqlAction action) throws SQLException {
    long start = System.nanoTime();
    action.run();
    return (System.nanoTime() - start) / 1_000_000;
  }
}
