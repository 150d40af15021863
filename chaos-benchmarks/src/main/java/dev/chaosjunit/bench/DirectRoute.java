package dev.chaosjunit.bench;

import java.net.InetSocketAddress;

/** The baseline: no proxy at all. */
final class DirectRoute implements Route {

  @Override
  public String name() {
    return "direct";
  }

  @Override
  public Fronted front(InetSocketAddress upstream, String protocol) {
    return Route.direct(upstream);
  }
}
