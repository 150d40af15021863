package dev.chaosjunit.proxy.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.InetSocketAddress;
import org.apiguardian.api.API;

/**
 * Extra listeners of the same proxy, one per upstream the protocol tells its clients about (e.g. one per
 * Kafka broker), so that clients who connect where the server sends them still go through the proxy.
 * A route relays to its upstream with the proxy's protocol, toxics, rules, counters and events; it is
 * enabled, disabled and removed with the proxy.
 *
 * <p>Port policy: when the proxy listens on an ephemeral port (spec port 0), every route gets an
 * ephemeral port; when it listens on a fixed port {@code P}, the route with ordinal {@code n} listens on
 * {@code P + 1 + n} (the port-per-broker scheme of Kafka proxies such as Kroxylicious, lowest id 0), so
 * a fixed-port proxy hands out the same addresses on every run. Routes listen on the proxy's listen host.
 * Thread-safe; may be called on the connection's event loop.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface Routes {

  /**
   * The proxy address that relays to {@code host:port}, opening the route's listener on first use
   * (bound before this returns, so a client may connect at once). Later calls with the same key and a
   * new address make the route follow it: new connections go to the new address.
   *
   * @param key names the route, e.g. {@code "broker-2"}
   * @param ordinal a number {@code >= 0} fixing the route's port when the proxy's port is fixed
   *     (e.g. a Kafka node id)
   * @param host the upstream host as the server advertises it
   * @param port the upstream port
   * @return the address clients must use instead of {@code host:port}
   * @throws dev.chaosjunit.proxy.ProxyListenException when the route's listener cannot be bound
   * @throws IllegalArgumentException for a negative ordinal or a port outside 1..65535
   */
  InetSocketAddress route(String key, int ordinal, String host, int port);
}
