package dev.chaosjunit.bench.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.bench.Route;
import dev.chaosjunit.proxy.EngineOptions;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import dev.chaosjunit.proxy.rule.ActionSpec;
import dev.chaosjunit.proxy.rule.Direction;
import dev.chaosjunit.proxy.rule.RuleSpec;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * The engine in the benchmark's JVM: as a plain L4 relay, or decoding the workload's protocol with one
 * rule that never matches (so every message is decoded and matched, and none is faulted).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProxyRoute implements Route {

  private static final Map<String, Map<String, String>> NON_MATCHING = Map.of(
      "kafka", Map.of("topic", "no-such-topic"), "grpc", Map.of("method", "/no.Such/Method"));

  private final boolean protocolAware;
  private final AtomicInteger proxies = new AtomicInteger();
  private ProxyEngine engine;

  public ProxyRoute(boolean protocolAware) {
    this.protocolAware = protocolAware;
  }

  @Override
  public String name() {
    return protocolAware ? "chaos-proxy protocol-aware" : "chaos-proxy L4";
  }

  @Override
  public Fronted front(InetSocketAddress upstream, String protocol) {
    if (engine == null) {
      engine = ProxyEngine.start(EngineOptions.defaults().withSeed(1));
    }
    String name = "bench-" + proxies.incrementAndGet();
    ProxySpec spec = ProxySpec.of(name, "127.0.0.1:0", "127.0.0.1:" + upstream.getPort());
    Proxy proxy = engine.create(protocolAware ? spec.withProtocol(protocol) : spec);
    if (protocolAware) {
      proxy.addRule(new RuleSpec("never", Direction.REQUEST, NON_MATCHING.get(protocol),
          new ActionSpec(ActionSpec.Type.DELAY, Map.of("ms", "1000")), 1, 0, 0));
    }
    return new Fronted() {
      @Override
      public InetSocketAddress address() {
        return proxy.listenAddress();
      }

      @Override
      public void close() {
        engine.remove(name);
      }
    };
  }

  @Override
  public void close() {
    if (engine != null) {
      engine.close();
    }
  }
}
