package dev.chaosjunit.bench;

import dev.chaosjunit.proxy.EngineOptions;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import dev.chaosjunit.bench.protocol.ProxyRoute;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The chaos proxy engine embedded in the benchmark's JVM, with no faults. */
final class ChaosProxyRoute implements Route {

  private final AtomicInteger proxies = new AtomicInteger();
  private ProxyEngine engine;

  @Override
  public String name() {
    return "chaos-proxy in-JVM";
  }

  @Override
  public Fronted front(InetSocketAddress upstream, String protocol) {
    if (engine == null) {
      engine = ProxyEngine.start(EngineOptions.defaults().withSeed(1));
    }
    String name = "bench-" + proxies.incrementAndGet();
    Proxy proxy = engine.create(ProxySpec.of(name, "127.0.0.1:0", "127.0.0.1:" + upstream.getPort()));
    return Route.fronted(proxy.listenAddress(), () -> engine.remove(name));
  }

  @Override
  public Optional<String> relayThreads() {
    return Optional.of(ProxyRoute.ENGINE_THREADS);
  }

  @Override
  public void close() {
    if (engine != null) {
      engine.close();
    }
  }
}
