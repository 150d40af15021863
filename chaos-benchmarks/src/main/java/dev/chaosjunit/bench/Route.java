package dev.chaosjunit.bench;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A way from the load generator to a server: directly, through socat, through the chaos proxy... Each
 * route is one row of the report. New rows (e.g. a protocol-aware proxy) implement this interface and
 * register it in {@code META-INF/services/dev.chaosjunit.bench.Route}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Route extends AutoCloseable {

  /** The row label, e.g. {@code "chaos-proxy server"}. */
  String name();

  /** Whether this route can run here; otherwise {@link #unavailableReason()} is printed instead of a row. */
  default boolean available() {
    return true;
  }

  /** Why the route cannot run, and how to make it run. */
  default String unavailableReason() {
    return "";
  }

  /** Whether this route applies to servers speaking {@code protocol} (a protocol-aware proxy skips "tcp"). */
  default boolean supports(String protocol) {
    return true;
  }

  /**
   * Fronts a server; the benchmark talks to the returned address.
   *
   * @param upstream the server's loopback address
   * @param protocol what the server speaks ({@code "redis"} or {@code "tcp"}), for protocol-aware routes
   */
  Fronted front(InetSocketAddress upstream, String protocol) throws Exception;

  /**
   * Fronts a server that may offer a listener for relays ({@link Workload.Server#advertisedRelay()});
   * routes that relay bytes without rewriting them use it so that all the traffic crosses them. By default
   * the relay listener is ignored.
   */
  default Fronted front(InetSocketAddress upstream, String protocol, Optional<Workload.AdvertisedRelay> relay)
      throws Exception {
    return front(upstream, protocol);
  }

  /**
   * The name prefix of the threads in this JVM that relay this route's traffic, if they run here: the
   * report then adds their CPU time and allocation per operation of each rate. Empty by default.
   */
  default Optional<String> relayThreads() {
    return Optional.empty();
  }

  /** Frees what the route holds (processes, engines) once all workloads ran. */
  @Override
  default void close() throws Exception {}

  /** A fronted server: where to connect, and how to stop fronting it. */
  interface Fronted extends AutoCloseable {

    InetSocketAddress address();

    @Override
    void close() throws Exception;
  }

  /** A route that is its target. */
  static Fronted direct(InetSocketAddress address) {
    return fronted(address, () -> { });
  }

  /** A fronted server at {@code address}, stopped by {@code stop}. */
  static Fronted fronted(InetSocketAddress address, AutoCloseable stop) {
    return new Fronted() {
      @Override
      public InetSocketAddress address() {
        return address;
      }

      @Override
      public void close() throws Exception {
        stop.close();
      }
    };
  }
}
