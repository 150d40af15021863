package dev.chaosjunit.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.proxy.internal.DefaultProxyEngine;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Runs proxies: a Netty relay (NIO; io_uring or epoll when asked) with Toxiproxy's L4 toxics and
 * protocol rules. Thread-safe. {@link #close()} frees every port, thread and buffer.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ProxyEngine extends AutoCloseable {

  /** Starts an engine. */
  static ProxyEngine start(EngineOptions options) {
    return DefaultProxyEngine.start(options);
  }

  /** Starts an engine with {@link EngineOptions#defaults()}. */
  static ProxyEngine start() {
    return start(EngineOptions.defaults());
  }

  /**
   * Creates a proxy and starts listening (when enabled).
   *
   * @throws NameConflictException when a proxy of that name exists
   * @throws IllegalArgumentException when the protocol is unknown (the message lists the known ones)
   * @throws ProxyListenException when the address cannot be bound
   */
  Proxy create(ProxySpec spec);

  /** A proxy by name. */
  Optional<Proxy> proxy(String name);

  /** All proxies, in creation order. */
  List<Proxy> proxies();

  /** Closes a proxy, its listener and its connections. */
  void remove(String name);

  /** Enables every proxy and removes every toxic and rule (Toxiproxy's {@code POST /reset}). */
  void reset();

  /**
   * Waits until every engine thread handled the bytes it had received when called (up to a second per
   * thread): what a client sent before, such as its last bytes before it closed, has met the faults in
   * place now, not the ones that come next.
   */
  void settle();

  /**
   * {@link #settle()}s (so a previous client's last bytes pass before the next faults arrive), then
   * {@link #reset()}s and makes {@code seed} the seed of the faults added from now on: a toxic or rule
   * draws its decisions from the seed it was added under, its name, and an ordinal that starts when it
   * was added (the n-th message a rule matched, the n-th connection a toxic acted on), so the same faults
   * added under the same seed decide the same whatever ran before (e.g. one cell of a matrix, run alone).
   */
  void reset(long seed);

  /** The seed of the faults added from now on: the options' seed until {@link #reset(long)} replaces it. */
  long seed();

  /** The protocol names that {@link ProxySpec#protocol()} accepts. */
  Set<String> protocols();

  /** The event stream. */
  EventStream events();

  /** Closes every proxy and stops the event loops; waits for them to end. */
  @Override
  void close();
}
