package dev.chaosjunit.proxy.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The protocol inspectors found on a class path (through {@code META-INF/services/}
 * {@link ProtocolInspector}), by name: the engine resolves a proxy's protocol here, and the JUnit
 * extension validates a matrix's rules here at discovery, before any container starts.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProtocolInspectors {

  private final Map<String, ProtocolInspector> byName = new TreeMap<>();

  private ProtocolInspectors(ClassLoader loader) {
    for (ProtocolInspector inspector : ServiceLoader.load(ProtocolInspector.class, loader)) {
      byName.putIfAbsent(inspector.name(), inspector);
    }
  }

  /** The inspectors visible to {@code loader}. */
  public static ProtocolInspectors load(ClassLoader loader) {
    return new ProtocolInspectors(loader);
  }

  /** The protocol names, sorted. */
  public Set<String> names() {
    return byName.keySet();
  }

  /** The inspector of that protocol, if one is on the class path. */
  public Optional<ProtocolInspector> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The inspector a proxy named {@code proxy} uses: none for a blank protocol.
   *
   * @throws IllegalArgumentException for an unknown protocol, naming the known ones
   */
  public Optional<ProtocolInspector> resolve(String proxy, String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(find(name).orElseThrow(() -> new IllegalArgumentException("proxy [" + proxy
        + "]: unknown protocol [" + name + "]; known protocols: " + names() + " (an inspector is found through"
        + " META-INF/services/" + ProtocolInspector.class.getName() + ")")));
  }
}
