package dev.chaosjunit.bench;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A load run against one fronted server, measuring one or more figures. Built-in workloads use the
 * built-in servers ({@code "redis"}, {@code "tcp"}); others (e.g. a PostgreSQL query load) register in
 * {@code META-INF/services/dev.chaosjunit.bench.Workload} and start their own server.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Workload {

  /** What its server speaks: {@code "redis"}, {@code "tcp"} (the in-JVM bulk source) or its own protocol. */
  String protocol();

  /**
   * Starts the server this workload measures; called once per run, only for a protocol that has no
   * built-in server. The benchmark closes it at the end.
   */
  default Server startServer() throws Exception {
    throw new UnsupportedOperationException("workload " + getClass().getName() + " needs a [" + protocol()
        + "] server: implement Workload.startServer()");
  }

  /** A server a workload started. */
  interface Server extends AutoCloseable {
    InetSocketAddress address();

    /**
     * For servers that hand clients their own address (a Kafka broker advertises itself): a second
     * listener that advertises a relay's address instead, so a plain L4 relay there carries all the
     * traffic, as a protocol-aware proxy rewriting the advertised address does. Empty by default.
     */
    default Optional<AdvertisedRelay> advertisedRelay() {
      return Optional.empty();
    }
  }

  /**
   * Where a relay must listen ({@code listen}, the address the server advertises on that listener) and
   * what it forwards to ({@code upstream}, the server's listener advertising it).
   */
  record AdvertisedRelay(InetSocketAddress listen, InetSocketAddress upstream) {}

  /** Runs the load (bounded in time and count) and measures. */
  List<Figure> run(InetSocketAddress address) throws Exception;
}
