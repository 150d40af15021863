package dev.chaosjunit.proxy.internal;

import java.net.InetSocketAddress;

/** Where one listener's connections go: the proxy's upstream, or a route's. */
interface Target {

  /** The upstream address, unresolved (resolved at each connect, so a changed DNS entry is followed). */
  InetSocketAddress address();

  /** The upstream as "host:port", for logs and events. */
  default String text() {
    return address().getHostString() + ":" + address().getPort();
  }

  /** A connection was accepted for this target. */
  default void accepted() {}
}
