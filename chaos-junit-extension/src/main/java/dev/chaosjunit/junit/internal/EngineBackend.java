package dev.chaosjunit.junit.internal;

import dev.chaosjunit.api.ChaosProtocol;
import dev.chaosjunit.fault.FaultEffect;
import dev.chaosjunit.fault.RefuseConnections;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.junit.ProxyEndpoint;
import dev.chaosjunit.proxy.EngineOptions;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.ToxicType;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.fault.Stream;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The default backend: the proxy engine in the test JVM. A refused-connections effect counts as fired
 * by the live connections it closed (new connection attempts are refused by the OS, unseen).
 */
final class EngineBackend implements FaultBackend {

  private final ProxyEngine engine;
  private final Map<String, Long> closedByRefusal = new HashMap<>();

  private EngineBackend(ProxyEngine engine) {
    this.engine = engine;
  }

  static FaultBackend start(long seed) {
    return new EngineBackend(ProxyEngine.start(EngineOptions.defaults().withSeed(seed)));
  }

  @Override
  public ProxyEndpoint front(ServiceDeclaration service, Upstream upstream) {
    ProxySpec spec = ProxySpec.of(service.name(), upstream.hostPort());
    if (service.protocol() != ChaosProtocol.TCP && engine.protocols().contains(service.protocol().engineName())) {
      spec = spec.withProtocol(service.protocol().engineName());
    }
    Proxy proxy = engine.create(spec);
    InetSocketAddress address = proxy.listenAddress();
    return new ProxyEndpoint(service.name(), service.protocol().engineName(), address.getHostString(),
        address.getPort(), upstream.hostPort(), upstream.jdbcUrl());
  }

  @Override
  public boolean countsFirings() {
    return true;
  }

  @Override
  public void reset() {
    engine.reset();
    closedByRefusal.clear();
  }

  @Override
  public void apply(String id, FaultEffect effect) {
    Proxy proxy = proxy(effect);
    if (effect instanceof RefuseConnections) {
      closedByRefusal.put(id, proxy.stats().connectionsActive());
      proxy.disable();
    } else if (effect instanceof Toxic toxic) {
      proxy.addToxic(new Toxic(id, ToxicType.of(toxic.type()), stream(toxic.stream()), toxic.toxicity(),
          toxic.attributes()));
    } else if (effect instanceof Rule rule) {
      proxy.addRule(new Rule(id, stream(rule.stream()).direction(), rule.match(),
          new Action(Action.Type.valueOf(rule.action().name()), rule.params()), rule.probability(),
          rule.after(), rule.times()));
    }
  }

  @Override
  public long firings(String id, FaultEffect effect) {
    Proxy proxy = proxy(effect);
    if (effect instanceof RefuseConnections) {
      return closedByRefusal.getOrDefault(id, 0L);
    }
    return effect instanceof Toxic ? proxy.toxicCounters(id).fired() : proxy.ruleCounters(id).fired();
  }

  @Override
  public void revert(String id, FaultEffect effect) {
    Proxy proxy = proxy(effect);
    if (effect instanceof RefuseConnections) {
      proxy.enable();
    } else if (effect instanceof Toxic) {
      proxy.removeToxic(id);
    } else {
      proxy.removeRule(id);
    }
  }

  @Override
  public void close() {
    engine.close();
  }

  private Proxy proxy(FaultEffect effect) {
    return engine.proxy(effect.service()).orElseThrow(() -> new IllegalStateException(
        "no proxy for service [" + effect.service() + "]: is its @Chaos field declared in this class?"));
  }

  private static Direction stream(Stream stream) {
    return stream == Stream.UPSTREAM ? Direction.UPSTREAM : Direction.DOWNSTREAM;
  }
}
