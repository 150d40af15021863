package dev.chaosjunit.proxy.admin;

import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxyListenException;
import dev.chaosjunit.proxy.ProxySpec;
import dev.chaosjunit.proxy.ToxicSpec;
import dev.chaosjunit.proxy.rule.RuleSpec;
import java.util.List;

/** Creating, moving and toggling proxies with Toxiproxy's error statuses. */
final class ProxyLifecycle {

  private ProxyLifecycle() {}

  static Proxy create(ProxyEngine engine, ProxySpec spec) {
    try {
      return engine.create(spec);
    } catch (ProxyListenException e) {
      throw ProxyEndpoints.listenFailed(e);
    }
  }

  /**
   * Moves a proxy to another listen address or upstream, as Toxiproxy's update does: its connections
   * close, its toxics and rules stay.
   */
  static Proxy move(ProxyEngine engine, Proxy proxy, ProxySpec spec) {
    List<ToxicSpec> toxics = proxy.toxics();
    List<RuleSpec> rules = proxy.rules();
    ProxySpec current = current(proxy);
    engine.remove(proxy.name());
    Proxy moved;
    try {
      moved = create(engine, spec);
    } catch (RuntimeException e) {
      restore(engine, current, toxics, rules, e);
      throw e;
    }
    toxics.forEach(moved::addToxic);
    rules.forEach(moved::addRule);
    return moved;
  }

  static void setEnabled(Proxy proxy, boolean enabled) {
    if (enabled) {
      proxy.enable();
    } else {
      proxy.disable();
    }
  }

  /** The proxy's spec with its actual listen address and state, to put it back as it was. */
  private static ProxySpec current(Proxy proxy) {
    ProxySpec s = proxy.spec();
    return new ProxySpec(s.name(), proxy.listenAddress().getAddress().getHostAddress(),
        proxy.listenAddress().getPort(), s.upstreamHost(), s.upstreamPort(), s.protocol(), proxy.isEnabled());
  }

  private static void restore(ProxyEngine engine, ProxySpec old, List<ToxicSpec> toxics, List<RuleSpec> rules,
      RuntimeException cause) {
    try {
      Proxy back = engine.create(old);
      toxics.forEach(back::addToxic);
      rules.forEach(back::addRule);
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }
}
