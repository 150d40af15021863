package dev.chaosjunit.junit.internal.backend;

import dev.chaosjunit.fault.Effect;
import dev.chaosjunit.fault.FaultEffect;
import dev.chaosjunit.fault.Primitive;
import dev.chaosjunit.fault.RefuseConnections;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.junit.ChaosProtocol;
import dev.chaosjunit.junit.ProxyEndpoint;
import dev.chaosjunit.junit.internal.plan.ServiceDeclaration;
import dev.chaosjunit.proxy.EngineOptions;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.ContainerState;

/**
 * The default backend: the proxy engine in the test JVM, which takes the model's toxics and rules as
 * they are, and carries out primitives (on the services' containers, or at their proxies), detected from
 * the proxies' connection events. A refused-connections effect counts as fired by the live connections it
 * closed (new connection attempts are refused by the OS, unseen); a primitive by its detection.
 */
final class EngineBackend implements FaultBackend {

  private final ProxyEngine engine;
  private final Map<String, Long> closedByRefusal = new HashMap<>();
  private final Primitives primitives;

  private EngineBackend(ProxyEngine engine) {
    this.engine = engine;
    ConnectionWatch connections = new ConnectionWatch();
    engine.events().subscribe(connections);
    this.primitives = new Primitives(connections);
  }

  static FaultBackend start(long seed, String proxyHost) {
    return new EngineBackend(ProxyEngine.start(EngineOptions.defaults().withSeed(seed).withBindHost(proxyHost)));
  }

  @Override
  public ProxyEndpoint front(ServiceDeclaration service, Upstream upstream) {
    ProxySpec spec = ProxySpec.of(service.name(), upstream.hostPort());
    if (service.protocol() != ChaosProtocol.TCP) {
      spec = spec.withProtocol(service.protocol().engineName());
    }
    Proxy proxy = engine.create(spec);
    if (service.target() instanceof ContainerState container) {
      primitives.register(service.name(), container, upstream.networkPort());
    }
    InetSocketAddress address = proxy.listenAddress();
    return new ProxyEndpoint(service.name(), service.protocol().engineName(), address.getHostString(),
        address.getPort(), upstream.hostPort(), upstream.jdbcUrl());
  }

  @Override
  public boolean countsFirings() {
    return true;
  }

  @Override
  public Map<String, Long> connectionsAccepted() {
    Map<String, Long> accepted = new LinkedHashMap<>();
    engine.proxies().forEach(proxy -> accepted.put(proxy.name(), proxy.stats().connectionsAccepted()));
    return accepted;
  }

  @Override
  public void reset(long seed) {
    engine.reset(seed);
    closedByRefusal.clear();
    primitives.reset(seed);
  }

  @Override
  public void settle() {
    engine.settle();
  }

  @Override
  public EventRecording record() {
    return new EngineRecording(engine.events(), primitives);
  }

  @Override
  public void apply(FaultEffect applied) {
    Proxy proxy = proxy(applied);
    Effect effect = applied.effect();
    if (effect instanceof RefuseConnections) {
      closedByRefusal.put(applied.service(), proxy.stats().connectionsActive());
      proxy.disable();
    } else if (effect instanceof Toxic toxic) {
      proxy.addToxic(toxic);
    } else if (effect instanceof Rule rule) {
      proxy.addRule(rule);
    } else if (effect instanceof Primitive primitive) {
      primitives.apply(applied, primitive, proxy);
    }
  }

  @Override
  public long firings(FaultEffect applied) {
    Effect effect = applied.effect();
    if (effect instanceof Toxic toxic) {
      return proxy(applied).toxicCounters(toxic.name()).fired();
    }
    if (effect instanceof Rule rule) {
      return proxy(applied).ruleCounters(rule.name()).fired();
    }
    if (effect instanceof Primitive) {
      return primitives.detections(applied);
    }
    return closedByRefusal.getOrDefault(applied.service(), 0L);
  }

  @Override
  public void revert(FaultEffect applied) {
    Proxy proxy = proxy(applied);
    Effect effect = applied.effect();
    if (effect instanceof Toxic toxic) {
      proxy.removeToxic(toxic.name());
    } else if (effect instanceof Rule rule) {
      proxy.removeRule(rule.name());
    } else if (effect instanceof Primitive primitive) {
      primitives.revert(applied, primitive, proxy);
    } else {
      proxy.enable();
    }
  }

  @Override
  public void awaitDetection(FaultEffect applied) throws InterruptedException {
    if (applied.effect() instanceof Primitive primitive) {
      primitives.awaitDetection(applied, primitive);
    }
  }

  @Override
  public List<String> leftovers() {
    List<String> left = new ArrayList<>();
    for (Proxy proxy : engine.proxies()) {
      String at = " on proxy " + proxy.name();
      if (!proxy.isEnabled()) {
        left.add("proxy " + proxy.name() + " still refuses connections");
      }
      proxy.toxics().forEach(toxic -> left.add("toxic '" + toxic.name() + "' still" + at));
      proxy.rules().forEach(rule -> left.add("rule '" + rule.name() + "' still" + at));
      proxy.faultResidue().forEach(residue -> left.add(residue + at));
    }
    left.addAll(primitives.leftovers(name -> engine.proxy(name).orElseThrow().upstream()));
    return left;
  }

  @Override
  public void close() {
    primitives.close();
    engine.close();
  }

  private Proxy proxy(FaultEffect effect) {
    return engine.proxy(effect.service()).orElseThrow(() -> new IllegalStateException(
        "no proxy for service [" + effect.service() + "]: is its @Chaos field declared in this class?"));
  }
}
