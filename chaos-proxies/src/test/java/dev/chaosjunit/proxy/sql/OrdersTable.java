package dev.chaosjunit.proxy.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.testcontainers.containers.JdbcDatabaseContainer;

/** The {@code orders (id, note)} table the SQL acceptance tests write through the proxy and read back. */
public final class OrdersTable {

  private OrdersTable() {}

  /** A connection straight to the database, around the proxy. */
  public static Connection direct(JdbcDatabaseContainer<?> db) throws SQLException {
    return DriverManager.getConnection(db.getJdbcUrl(), db.getUsername(), db.getPassword());
  }

  /** Inserts order {@code id} with the note {@code "order <id>"}. */
  public static void insert(Connection c, int id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (id, note) VALUES (?, ?)")) {
      ps.setInt(1, id);
      ps.setString(2, "order " + id);
      ps.executeUpdate();
    }
  }

  /** How many orders {@code c} sees. */
  public static int rowCount(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM orders"); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
