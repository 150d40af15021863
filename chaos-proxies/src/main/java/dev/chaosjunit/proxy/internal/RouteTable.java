package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.proxy.ProxyListenException;
import dev.chaosjunit.proxy.Route;
import dev.chaosjunit.proxy.protocol.Routes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A proxy's routes, by key, in the order they were opened. Port policy (see {@link Routes}): ephemeral
 * when the proxy's spec port is 0, else the proxy's port + 1 + ordinal.
 */
final class RouteTable implements Routes {

  private static final Logger LOG = LoggerFactory.getLogger(RouteTable.class);

  private final DefaultProxy proxy;
  private final RouteListener.ListenerFactory listeners;
  private final Map<String, RouteListener> routes = new LinkedHashMap<>();
  /** Where servers that moved are now: each address ("host:port") they had before, to the current one. */
  private final Map<String, InetSocketAddress> moved = new HashMap<>();

  RouteTable(DefaultProxy proxy, RouteListener.ListenerFactory listeners) {
    this.proxy = proxy;
    this.listeners = listeners;
  }

  @Override
  public synchronized InetSocketAddress route(String key, int ordinal, String advertisedHost, int advertisedPort) {
    check(key, ordinal, advertisedHost, advertisedPort);
    InetSocketAddress now = moved.getOrDefault(advertisedHost + ":" + advertisedPort,
        InetSocketAddress.createUnresolved(advertisedHost, advertisedPort));
    String host = now.getHostString();
    int port = now.getPort();
    RouteListener route = routes.get(key);
    if (route != null) {
      route.follow(host, port);
      return route.listenAddress();
    }
    if (!proxy.isEnabled()) {
      throw new ProxyListenException("proxy [" + proxy.name() + "] is disabled: route [" + key + "] to " + host
          + ":" + port + " is not opened; enable the proxy", new IOException("proxy disabled"));
    }
    route = new RouteListener(key, InetSocketAddress.createUnresolved(host, port), plannedAddress(key, ordinal), listeners);
    try {
      route.open();
    } catch (ProxyListenException e) {
      throw new ProxyListenException("route [" + key + "] to " + host + ":" + port + " (routes listen on the proxy's"
          + " port + 1 + ordinal when the proxy's port is fixed, else on ephemeral ports): " + e.getMessage(),
          e.getCause());
    }
    routes.put(key, route);
    LOG.info("proxy [{}]: route [{}] listens on {} for {}:{}", proxy.name(), key, route.listenAddress(), host, port);
    return route.listenAddress();
  }

  /**
   * The server at {@code from} ("host:port") moved to {@code to}: routes to {@code from}, or to an address that
   * moved there before, lead to {@code to}, now and whenever a server names such an address later.
   */
  synchronized void moved(InetSocketAddress from, InetSocketAddress to) {
    String before = text(from);
    moved.replaceAll((old, current) -> text(current).equals(before) ? to : current);
    moved.put(before, to);
    routes.values().forEach(route -> {
      InetSocketAddress now = moved.get(route.text());
      if (now != null) {
        route.follow(now.getHostString(), now.getPort());
      }
    });
  }

  private static String text(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }

  /** The routes seen from one connection: a wildcard listen host is replaced by the address it reached. */
  Routes seenFrom(SocketAddress local) {
    return (key, ordinal, host, port) -> {
      InetSocketAddress address = route(key, ordinal, host, port);
      if (address.getAddress() != null && address.getAddress().isAnyLocalAddress()
          && local instanceof InetSocketAddress reached) {
        return new InetSocketAddress(reached.getAddress(), address.getPort());
      }
      return address;
    };
  }

  synchronized void bindAll() {
    routes.values().forEach(RouteListener::rebind);
  }

  synchronized void unbindAll() {
    routes.values().forEach(RouteListener::unbind);
  }

  synchronized List<Route> snapshot() {
    return routes.values().stream().map(RouteListener::snapshot).toList();
  }

  private InetSocketAddress plannedAddress(String key, int ordinal) {
    int proxyPort = proxy.spec().listenPort();
    InetSocketAddress listen = proxy.listenAddress();
    if (proxyPort == 0) {
      return new InetSocketAddress(listen.getAddress(), 0);
    }
    long port = (long) proxyPort + 1 + ordinal;
    if (port > 65_535) {
      throw new ProxyListenException("proxy [" + proxy.name() + "]: route [" + key + "] would listen on port "
          + port + " (proxy port " + proxyPort + " + 1 + ordinal " + ordinal + "), beyond 65535; give the proxy"
          + " a lower listen port, or port 0 for ephemeral route ports", new IOException("port out of range"));
    }
    return new InetSocketAddress(listen.getAddress(), (int) port);
  }

  private void check(String key, int ordinal, String host, int port) {
    if (key == null || key.isBlank() || host == null || host.isBlank()) {
      throw new IllegalArgumentException("proxy [" + proxy.name() + "]: a route needs a key and a host, got key ["
          + key + "] host [" + host + "]");
    }
    if (ordinal < 0 || port < 1 || port > 65_535) {
      throw new IllegalArgumentException("proxy [" + proxy.name() + "]: route [" + key + "] needs an ordinal >= 0"
          + " and a port in 1..65535, got ordinal [" + ordinal + "] port [" + port + "]");
    }
  }
}
