package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.proxy.Route;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/** One route of a proxy: a listener of its own whose connections go to the route's upstream. */
final class RouteListener implements Target {

  final String key;
  private final Listener listener;
  private final AtomicLong accepted = new AtomicLong();
  private volatile InetSocketAddress upstream;
  private volatile InetSocketAddress address;
  private boolean bound;

  RouteListener(String key, InetSocketAddress upstream, InetSocketAddress address, ListenerFactory listeners) {
    this.key = key;
    this.upstream = upstream;
    this.address = address;
    this.listener = listeners.listener(this);
  }

  /** Makes the listener factory of a proxy available without exposing the proxy's internals. */
  @FunctionalInterface
  interface ListenerFactory {
    Listener listener(Target target);
  }

  @Override public InetSocketAddress address() { return upstream; }
  @Override public void accepted() { accepted.incrementAndGet(); }

  InetSocketAddress listenAddress() {
    return address;
  }

  /** New connections go to {@code host:port} from now on; live ones stay where they are. */
  void follow(String host, int port) {
    if (!upstream.getHostString().equals(host) || upstream.getPort() != port) {
      upstream = InetSocketAddress.createUnresolved(host, port);
    }
  }

  /** Binds at once (on first use, maybe from an event loop). */
  synchronized void open() {
    address = listener.bindOnce(address);
    bound = true;
  }

  /** Binds again at the same address (the proxy was enabled). */
  synchronized void rebind() {
    if (!bound) {
      address = listener.bind(address);
      bound = true;
    }
  }

  synchronized void unbind() {
    listener.unbind();
    bound = false;
  }

  Route snapshot() {
    return new Route(key, text(), address, accepted.get());
  }
}
