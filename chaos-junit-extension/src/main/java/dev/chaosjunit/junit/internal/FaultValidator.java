package dev.chaosjunit.junit.internal;

import dev.chaosjunit.api.ChaosProtocol;
import dev.chaosjunit.fault.FaultEffect;
import dev.chaosjunit.fault.Rule;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks that a fault targets declared services, and protocol rules services of their protocol. */
final class FaultValidator {

  private FaultValidator() {}

  static void check(FaultDef fault, List<ServiceDeclaration> services) {
    Map<String, ServiceDeclaration> byName =
        services.stream().collect(Collectors.toMap(ServiceDeclaration::name, Function.identity()));
    for (FaultEffect effect : fault.fault().effects()) {
      ServiceDeclaration service = byName.get(effect.service());
      if (service == null) {
        throw Misconfiguration.of("FaultAssumption", fault.element(), "fault [" + fault.name()
            + "] targets service [" + effect.service() + "], which no @Chaos field declares (declared: "
            + byName.keySet() + ")", "fix the service name or annotate the container field with @Chaos(\""
            + effect.service() + "\")");
      }
      if (effect instanceof Rule rule) {
        checkProtocol(fault, rule, service);
      }
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
