package dev.chaosjunit.bench.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.bench.Figure;
import dev.chaosjunit.bench.Workload;
import dev.chaosjunit.images.Images;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apiguardian.api.API;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL transactions per second through pgjdbc (its default extended protocol, server-side prepared
 * statements after five executions): {@code threads} connections, each running transactions of a
 * primary-key {@code SELECT} and an {@code UPDATE} of the same row (its own rows, so no lock waits) until
 * the duration ends. Like {@code pgbench -c threads -N} with a smaller transaction.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PostgresTransactions implements Workload {

  static final String CREDENTIAL = "bench";
  private static final int ROWS_PER_THREAD = 100;

  private final int threads;
  private final Duration duration;

  public PostgresTransactions(int threads, Duration duration) {
    this.threads = threads;
    this.duration = duration;
  }

  @Override
  public String protocol() {
    return "postgres";
  }

  /** A container of {@link Images#postgres()} with the {@code accounts} table filled. */
  @Override
  public Server startServer() throws SQLException {
    PostgreSQLContainer container = new PostgreSQLContainer(Images.postgres()).withDatabaseName(CREDENTIAL)
        .withUsername(CREDENTIAL).withPassword(CREDENTIAL);
    container.start();
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", container.getMappedPort(5432));
    try (Connection connection = connect(address); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE accounts (id int PRIMARY KEY, balance bigint NOT NULL)");
      statement.execute("INSERT INTO accounts SELECT i, 0 FROM generate_series(0, " + (threads * ROWS_PER_THREAD - 1)
          + ") AS i");
    }
    return new ContainerServer(container, address);
  }

  @Override
  public List<Figure> run(InetSocketAddress address) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      List<Future<Long>> counts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int firstRow = t * ROWS_PER_THREAD;
        counts.add(pool.submit(() -> transactions(address, firstRow, end)));
      }
      long done = 0;
      for (Future<Long> count : counts) {
        done += count.get();
      }
      return List.of(Figure.rate("PostgreSQL SELECT+UPDATE, " + threads + " conn", "tx/s", done, System.nanoTime() - start));
    } finally {
      pool.shutdownNow();
    }
  }

  /** One connection's loop: transactions until {@code end}, on rows seeded by {@code firstRow}. */
  private static long transactions(InetSocketAddress address, int firstRow, long end) throws SQLException {
    SplittableRandom random = new SplittableRandom(firstRow);
    long done = 0;
    try (Connection connection = connect(address);
        PreparedStatement select = connection.prepareStatement("SELECT balance FROM accounts WHERE id = ?");
        PreparedStatement update =
            connection.prepareStatement("UPDATE accounts SET balance = balance + 1 WHERE id = ?")) {
      connection.setAutoCommit(false);
      while (System.nanoTime() < end) {
        int id = firstRow + random.nextInt(ROWS_PER_THREAD);
        select.setInt(1, id);
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            throw new IllegalStateException("row " + id + " of accounts is missing");
          }
        }
        update.setInt(1, id);
        update.executeUpdate();
        connection.commit();
        done++;
      }
    }
    return done;
  }

  private static Connection connect(InetSocketAddress address) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + address.getPort() + "/" + CREDENTIAL,
        CREDENTIAL, CREDENTIAL);
  }
}
