package dev.chaosjunit.junit.e2e;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A small system under test: orders in PostgreSQL (HikariCP pool), cached in Redis (one Lettuce
 * connection). Reads fall back to the database when the cache fails; writes do not (a real bug the
 * matrix finds).
 */
final class OrderService implements AutoCloseable {

  private final HikariDataSource db;
  private final ClientResources resources;
  private final RedisClient redis;
  private final StatefulRedisConnection<String, String> cache;

  OrderService(String jdbcUrl, String user, String password, String redisHost, int redisPort) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(1000);
    config.setValidationTimeout(500);
    db = new HikariDataSource(config);
    resources = ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(50))).build();
    redis = RedisClient.create(resources, RedisURI.builder().withHost(redisHost).withPort(redisPort)
        .withTimeout(Duration.ofMillis(500)).build());
    redis.setOptions(ClientOptions.builder()
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
    cache = redis.connect();
  }

  void createSchema() throws SQLException {
    try (Connection c = db.getConnection()) {
      c.createStatement().execute("CREATE TABLE IF NOT EXISTS orders (id SERIAL PRIMARY KEY, item TEXT NOT NULL)");
    }
  }

  /** Stores an order and caches it; a cache failure fails the order. */
  long placeOrder(String item) throws SQLException {
    long id;
    try (Connection c = db.getConnection();
        PreparedStatement insert = c.prepareStatement("INSERT INTO orders (item) VALUES (?) RETURNING id")) {
      insert.setString(1, item);
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    cache.sync().set("order:" + id, item);
    return id;
  }

  /** Reads an order from the cache, else from the database. */
  String getOrder(long id) throws SQLException {
    try {
      String cached = cache.sync().get("order:" + id);
      if (cached != null) {
        return cached;
      }
    } catch (RedisException cacheFailed) {
      org.slf4j.LoggerFactory.getLogger(OrderService.class).info("cache failed, reading the database: {}",
          cacheFailed.toString());
    }
    try (Connection c = db.getConnection();
        PreparedStatement select = c.prepareStatement("SELECT item FROM orders WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Whether the database answers within a second. */
  String health() throws SQLException {
    try (Connection c = db.getConnection()) {
      if (!c.isValid(1)) {
        throw new SQLException("database did not answer within 1 s");
      }
      return "UP";
    }
  }

  /**
   * Lets the clients recover from the previous cell: drops pooled connections a fault may have broken
   * and waits until the cache connection is back.
   */
  void awaitRecovery(Duration patience) throws InterruptedException {
    db.getHikariPoolMXBean().softEvictConnections();
    long deadline = System.nanoTime() + patience.toNanos();
    while (!cache.isOpen() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    cache.close();
    redis.shutdown();
    resources.shutdown();
    db.close();
  }
}
