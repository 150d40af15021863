package dev.chaosjunit.samples.orders;

import com.zaxxer.hikari.HikariConfig;
import dev.chaosjunit.buggify.Buggify;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders in PostgreSQL through a HikariCP pool. Two buggify sites: when active, an insert fails 25 % of the
 * time (disk full) and a select 5 % of the time (a broken connection, which the listing retries once).
 * Every wait is bounded: 1 s to get a connection (1 s to open one) and 2 s of socket silence per query, so a dead or slow database turns into a
 * {@link DependencyFailure} within about 2 s instead of a hung request.
 */
final class OrderRepository implements AutoCloseable {

  static final String DEPENDENCY = "database";
  private static final Logger LOG = LoggerFactory.getLogger(OrderRepository.class);

  private static final String INSERT = "INSERT INTO orders (user_id, item, amount_cents, currency,"
      + " region, reservation_id) VALUES (?, ?, ?, ?, ?, ?) RETURNING id, created_at";
  private static final String SELECT = "SELECT id, user_id, item, amount_cents, currency, region,"
      + " reservation_id, created_at FROM orders WHERE user_id = ? ORDER BY id";

  private final HikariDataSource pool;

  OrderRepository(OrdersConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("orders-db");
    hikari.setJdbcUrl(config.jdbcUrl());
    hikari.setUsername(config.dbUser());
    hikari.setPassword(config.dbPassword());
    hikari.setMaximumPoolSize(8);
    hikari.setConnectionTimeout(1000);
    hikari.setValidationTimeout(500);
    hikari.setInitializationFailTimeout(30_000); // at start, wait for the database rather than fail on one slow try
    hikari.addDataSourceProperty("connectTimeout", "1");
    hikari.addDataSourceProperty("socketTimeout", "2");
    this.pool = new HikariDataSource(hikari);
    createSchema();
  }

  /** Whether the pool holds all its connections, none of them in use (recovered from an outage). */
  boolean poolFull() {
    return pool.getHikariPoolMXBean().getIdleConnections() == pool.getMaximumPoolSize();
  }

  Order insert(String userId, Order.Request request, Quote quote) {
    try (Connection connection = pool.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setString(1, userId);
      insert.setString(2, request.item());
      insert.setLong(3, request.amountCents());
      insert.setString(4, quote.currency());
      insert.setString(5, quote.region());
      insert.setString(6, quote.reservationId());
      if (Buggify.hit("orders.insert", 0.25)) {
        throw new SQLException("buggified insert: could not extend file", "53100");
      }
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        return new Order(row.getLong(1), userId, request.item(), request.amountCents(),
            quote.currency(), quote.region(), quote.reservationId(), row.getTimestamp(2).toInstant());
      }
    } catch (SQLException e) {
      throw failure("insert", e);
    }
  }

  /**
   * The user's orders. A read that fails on a broken connection (SQLState class 08, e.g. pooled
   * connections an outage closed) is retried once, on a new connection: it is idempotent.
   */
  List<Order> byUser(String userId) {
    try {
      return select(userId);
    } catch (SQLException e) {
      if (!brokenConnection(e)) {
        throw failure("select", e);
      }
      LOG.info("Retrying the listing of {} on a new connection: {}", userId, e.getMessage());
      return retrySelect(userId);
    }
  }

  private List<Order> retrySelect(String userId) {
    try {
      return select(userId);
    } catch (SQLException e) {
      throw failure("select (retried)", e);
    }
  }

  private List<Order> select(String userId) throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement select = connection.prepareStatement(SELECT)) {
      select.setString(1, userId);
      if (Buggify.hit("orders.select", 0.05)) {
        throw new SQLException("buggified select: connection reset", "08006");
      }
      try (ResultSet rows = select.executeQuery()) {
        List<Order> orders = new ArrayList<>();
        while (rows.next()) {
          orders.add(read(rows));
        }
        return orders;
      }
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  private static Order read(ResultSet row) throws SQLException {
    Timestamp created = row.getTimestamp(8);
    return new Order(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
        row.getString(5), row.getString(6), row.getString(7), created.toInstant());
  }

  private void createSchema() {
    try (Connection connection = pool.getConnection(); Statement ddl = connection.createStatement()) {
      ddl.execute("CREATE TABLE IF NOT EXISTS orders (id BIGSERIAL PRIMARY KEY, user_id TEXT NOT NULL,"
          + " item TEXT NOT NULL, amount_cents BIGINT NOT NULL, currency TEXT NOT NULL,"
          + " region TEXT NOT NULL, reservation_id TEXT NOT NULL,"
          + " created_at TIMESTAMPTZ NOT NULL DEFAULT now())");
    } catch (SQLException e) {
      DependencyFailure failure = failure("create schema", e);
      pool.close();
      throw failure;
    }
  }

  /**
   * Whether the connection broke. Then every idle connection of the pool is suspect (they were opened
   * before the same outage, and those used in the last 500 ms skip Hikari's validation): they are
   * evicted, so the next borrow opens a new connection.
   */
  private boolean brokenConnection(SQLException e) {
    boolean broken = e.getSQLState() != null && e.getSQLState().startsWith("08");
    if (broken) {
      pool.getHikariPoolMXBean().softEvictConnections();
    }
    return broken;
  }

  private DependencyFailure failure(String operation, SQLException e) {
    brokenConnection(e);
    return new DependencyFailure(DEPENDENCY, operation + " failed with SQLState [" + e.getSQLState()
        + "]: " + e.getMessage(), e);
  }
}
