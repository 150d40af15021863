package dev.chaosjunit.proxy.admin;

import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxyListenException;
import dev.chaosjunit.proxy.ProxySpec;
import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.fault.Rule;
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
   * Moves a proxy to another listen address, upstream or protocol, as Toxiproxy's update does: its
   * connections close, its toxics and rules stay. If that fails (port taken, a rule the new protocol
   * refuses), the proxy is put back as it was and the failure is thrown.
   */
  static Proxy move(ProxyEngine engine, Proxy proxy, ProxySpec spec) {
    List<Toxic> toxics = proxy.toxics();
    List<Rule> rules = proxy.rules();
    ProxySpec current = current(proxy);
    engine.remove(proxy.name());
    try {
      return recreate(engine, spec, toxics, rules);
    } catch (RuntimeException e) {
      engine.proxy(spec.name()).ifPresent(p -> engine.remove(p.name()));
      restore(engine, current, toxics, rules, e);
      throw e;
    }
  }

  private static Proxy recreate(ProxyEngine engine, ProxySpec spec, List<Toxic> toxics, List<Rule> rules) {
    Proxy proxy = create(engine, spec);
    toxics.forEach(proxy::addToxic);
    rules.forEach(proxy::addRule);
    return proxy;
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

  private static void restore(ProxyEngine engine, ProxySpec old, List<Toxic> toxics, List<Rule> rules,
      RuntimeException cause) {
    try {
      recreate(engine, old, toxics, rules);
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }
}
