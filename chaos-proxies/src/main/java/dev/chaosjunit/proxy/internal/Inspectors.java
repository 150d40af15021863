package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** The protocol inspectors found on the class path (ServiceLoader), by name. */
final class Inspectors {

  private final Map<String, ProtocolInspector> byName = new TreeMap<>();

  Inspectors(ClassLoader loader) {
    for (ProtocolInspector inspector : ServiceLoader.load(ProtocolInspector.class, loader)) {
      byName.putIfAbsent(inspector.name(), inspector);
    }
  }

  Set<String> names() {
    return byName.keySet();
  }

  /** The inspector of that name; null for none; throws for an unknown name. */
  ProtocolInspector resolve(String proxy, String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    ProtocolInspector inspector = byName.get(name);
    if (inspector == null) {
      throw new IllegalArgumentException("proxy [" + proxy + "]: unknown protocol [" + name + "]; known protocols: "
          + byName.keySet() + " (an inspector is found through META-INF/services/"
          + ProtocolInspector.class.getName() + ")");
    }
    return inspector;
  }
}
