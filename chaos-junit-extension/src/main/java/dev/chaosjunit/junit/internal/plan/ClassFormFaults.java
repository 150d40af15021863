package dev.chaosjunit.junit.internal.plan;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.fault.ToxicType;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.internal.Misconfiguration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the class form of {@code @FaultAssumption} (toxic + params, or allOf) into a fault. */
final class ClassFormFaults {

  private ClassFormFaults() {}

  static FaultDef define(Class<?> type, FaultAssumption a, Map<String, FaultDef> earlier) {
    String element = type.getSimpleName();
    if (a.name().isBlank()) {
      throw Misconfiguration.of("FaultAssumption", element, "a class-level assumption has no name",
          "set name, e.g. @FaultAssumption(name = \"dbSlow\", on = \"db\", toxic = \"latency\", params = \"latency=3000\")");
    }
    String named = element + " " + a.name();
    boolean composite = a.allOf().length > 0;
    if (composite == !a.toxic().isBlank()) {
      throw Misconfiguration.of("FaultAssumption", named, "it needs either toxic or allOf, not both or neither",
          "set toxic (with on and params) for one toxic, or allOf to combine named faults");
    }
    Fault fault = composite ? combine(named, a.allOf(), earlier) : toxic(named, a);
    return new FaultDef(a.name(), fault.named(a.name()), named);
  }

  private static Fault combine(String element, String[] names, Map<String, FaultDef> earlier) {
    List<Fault> parts = new ArrayList<>();
    for (String name : names) {
      FaultDef part = earlier.get(name);
      if (part == null) {
        throw Misconfiguration.of("FaultAssumption", element, "allOf names unknown fault [" + name + "]",
            "name faults declared before it; known: " + earlier.keySet());
      }
      parts.add(part.fault());
    }
    return Fault.allOf(parts.toArray(Fault[]::new));
  }

  /** {@code down}, or a toxic of the model's {@link ToxicType}s, its attributes checked by the model. */
  private static Fault toxic(String element, FaultAssumption a) {
    if (a.on().isBlank()) {
      throw Misconfiguration.of("FaultAssumption", element, "on (the service) is blank", "set on = \"<service>\"");
    }
    if (a.toxic().equals("down")) {
      return Fault.on(a.on()).refuseConnections();
    }
    try {
      return Fault.on(a.on()).toxic(ToxicType.of(a.toxic()), attributes(element, a.params()));
    } catch (IllegalArgumentException e) {
      throw Misconfiguration.of("FaultAssumption", element, e.getMessage(),
          "toxic is down or a Toxiproxy toxic type, params its attributes in Toxiproxy's units", e);
    }
  }

  private static Map<String, Long> attributes(String element, String[] params) {
    Map<String, Long> attributes = new LinkedHashMap<>();
    for (String param : params) {
      String[] kv = param.split("=", 2);
      if (kv.length != 2 || !kv[1].trim().matches("\\d+")) {
        throw Misconfiguration.of("FaultAssumption", element, "param [" + param + "] is not name=number",
            "write params like \"latency=3000\" (Toxiproxy attribute names and units)");
      }
      attributes.put(kv[0].trim(), Long.parseLong(kv[1].trim()));
    }
    return attributes;
  }
}
