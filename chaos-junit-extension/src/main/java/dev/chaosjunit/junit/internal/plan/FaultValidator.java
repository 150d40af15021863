package dev.chaosjunit.junit.internal.plan;

import dev.chaosjunit.fault.BuggifySite;
import dev.chaosjunit.fault.FaultEffect;
import dev.chaosjunit.fault.NetworkPrimitive;
import dev.chaosjunit.fault.Primitive;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.junit.ChaosProtocol;
import dev.chaosjunit.junit.internal.Backend;
import dev.chaosjunit.junit.internal.ChaosConfig;
import dev.chaosjunit.junit.internal.Misconfiguration;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.protocol.ProtocolInspectors;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a matrix's faults at discovery, before any container starts: each targets a declared service,
 * each rule is written for its service's protocol, carried by the backend, and accepted by the protocol's
 * inspector (match keys, action, parameters), exactly as the engine would check it when the cell runs; each
 * buggify site it forces on is named by a {@code Buggify} call the catalogue found; each primitive acts
 * where it can act and can be detected.
 */
final class FaultValidator {

  private final Map<String, ServiceDeclaration> services;
  private final Backend backend;
  private final String proxyHost;
  private final Supplier<Set<String>> sites;
  private Set<String> known;
  private final ProtocolInspectors inspectors = ProtocolInspectors.load(FaultValidator.class.getClassLoader());

  FaultValidator(List<ServiceDeclaration> services, Backend backend, String proxyHost, Supplier<Set<String>> sites) {
    this.services = services.stream().collect(Collectors.toMap(ServiceDeclaration::name, Function.identity()));
    this.backend = backend;
    this.proxyHost = proxyHost;
    this.sites = sites;
  }

  void check(FaultDef fault) {
    for (FaultEffect effect : fault.fault().effects()) {
      if (effect.effect() instanceof BuggifySite site) {
        checkSite(fault, site);
        continue;
      }
      ServiceDeclaration service = declared(fault, effect.service());
      if (effect.effect() instanceof Rule rule) {
        checkRule(fault, rule, service);
      } else if (effect.effect() instanceof Primitive primitive) {
        PrimitiveCheck.check(fault, primitive, service, backend);
      }
      if (effect.effect() instanceof NetworkPrimitive network && !network.peer().isEmpty()) {
        PrimitiveCheck.checkPeer(fault, network, declared(fault, network.peer()), proxyHost);
      }
      if (effect.effect() instanceof Toxic toxic) {
        checkReplayable(fault, toxic);
      }
    }
  }

  private ServiceDeclaration declared(FaultDef fault, String name) {
    ServiceDeclaration service = services.get(name);
    if (service == null) {
      throw Misconfiguration.of("FaultAssumption", fault.element(), "fault [" + fault.name() + "] targets service ["
          + name + "], which no @Chaos field declares (declared: " + services.keySet() + ")",
          "fix the service name or annotate the container field with @Chaos(\"" + name + "\")");
    }
    return service;
  }

  /** The toxiproxy backend's server draws from a source of its own: a random toxic would not replay. */
  private void checkReplayable(FaultDef fault, Toxic toxic) {
    long jitter = toxic.attributes().getOrDefault("jitter", 0L);
    long variation = toxic.attributes().getOrDefault("size_variation", 0L);
    String draws = toxic.toxicity() < 1 ? "toxicity " + toxic.toxicity() : jitter > 0 ? "jitter " + jitter + " ms"
        : variation > 0 ? "size_variation " + variation : "";
    if (!draws.isEmpty() && !backend.replaysDraws()) {
      throw Misconfiguration.of("FaultAssumption", fault.element(), "fault [" + fault.name() + "] draws at random ("
          + draws + "), which the " + backend.configName() + " backend (-D" + ChaosConfig.BACKEND + "="
          + backend.configName() + ") cannot replay: Toxiproxy's API takes no seed", "run with -D"
          + ChaosConfig.BACKEND + "=engine (the default), or make the toxic deterministic (toxicity 1, no jitter or"
          + " size variation)");
    }
  }

  private void checkSite(FaultDef fault, BuggifySite site) {
    if (known == null) {
      known = sites.get();
    }
    if (!known.contains(site.site())) {
      throw Misconfiguration.of("FaultAssumption", fault.element(), "fault [" + fault.name() + "] forces buggify site ["
          + site.site() + "], which no Buggify call in the test class's package or the matrix's coverage classes names"
          + " (known: " + known + ")", "fix the site name, or name a class of the application's package in"
          + " @FaultMatrix(coverage = ...)");
    }
  }

  private void checkRule(FaultDef fault, Rule rule, ServiceDeclaration service) {
    checkProtocol(fault, rule, service);
    if (!backend.carriesRules()) {
      throw Misconfiguration.of("FaultAssumption", fault.element(), "fault [" + fault.name() + "] is a protocol rule ("
          + rule.describe() + "), which the " + backend.configName() + " backend (-D" + ChaosConfig.BACKEND + "="
          + backend.configName() + ") cannot carry out", "run with -D" + ChaosConfig.BACKEND + "=engine (the default), or leave it out of"
          + " this matrix with @FaultMatrix(faults = ...)");
    }
    ProtocolInspector inspector = inspectors.find(rule.protocol()).orElseThrow(() -> Misconfiguration.of(
        "FaultAssumption", fault.element(), "fault [" + fault.name() + "] is a [" + rule.protocol()
            + "] rule, but no inspector of that protocol is on the class path (known: " + inspectors.names() + ")",
        "add the module that provides it"));
    try {
      inspector.validate(rule);
    } catch (IllegalArgumentException | IllegalStateException e) {
      String fix = e instanceof IllegalArgumentException ? "fix the rule where the field builds it" : "then run again";
      throw Misconfiguration.of("FaultAssumption", fault.element(), "fault [" + fault.name() + "] cannot run: "
          + e.getMessage(), fix, e);
    }
  }

  private static void checkProtocol(FaultDef fault, Rule rule, ServiceDeclaration service) {
    if (!rule.protocol().equals(service.protocol().engineName())) {
      throw Misconfiguration.of("FaultAssumption", fault.element(), "fault [" + fault.name() + "] is a ["
          + rule.protocol() + "] rule but service [" + service.name() + "] speaks [" + service.protocol()
          .engineName() + "]", service.protocol() == ChaosProtocol.TCP
              ? "declare the protocol: @Chaos(value = \"" + service.name() + "\", protocol = ChaosProtocol."
                  + rule.protocol().toUpperCase(java.util.Locale.ROOT) + ")"
              : "write the rule with Fault.on(\"" + service.name() + "\")." + service.protocol().engineName()
                  + "() or target a " + rule.protocol() + " service");
    }
  }
}
