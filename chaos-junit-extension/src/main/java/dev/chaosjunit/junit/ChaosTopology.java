package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import dev.chaosjunit.junit.internal.run.Topologies;
import org.apiguardian.api.API;

/**
 * The proxies of a test class, by service name: a parameter of {@code @BeforeAll}, {@code @Test},
 * {@link FaultMatrix} and scenario methods in a {@link ChaosTest} class.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ChaosTopology {

  private final Map<String, ProxyEndpoint> endpoints;
  private final long seed;

  /** Built by the extension. */
  @API(status = INTERNAL, since = "0.1")
  public ChaosTopology(Collection<ProxyEndpoint> endpoints, long seed) {
    Map<String, ProxyEndpoint> byName = new LinkedHashMap<>();
    endpoints.forEach(endpoint -> byName.put(endpoint.service(), endpoint));
    this.endpoints = java.util.Collections.unmodifiableMap(byName);
    this.seed = seed;
  }

  /**
   * The proxies of a {@link ChaosTest} class while they run: from before its test instance is
   * constructed (so under {@code @TestInstance(PER_CLASS)} too) until the class ends. For integrations
   * that only know the test class, such as a Spring test context pointing connection details at the
   * proxies; tests take a {@code ChaosTopology} parameter instead.
   */
  public static Optional<ChaosTopology> running(Class<?> testClass) {
    return Topologies.running(testClass);
  }

  /** The proxy of a service. */
  public ProxyEndpoint proxy(String service) {
    ProxyEndpoint endpoint = endpoints.get(service);
    if (endpoint == null) {
      throw new IllegalArgumentException("no @Chaos service named [" + service + "]: the class declares "
          + endpoints.keySet() + "; annotate a container field with @Chaos(\"" + service + "\")");
    }
    return endpoint;
  }

  /** Every proxy, in field declaration order. */
  public Collection<ProxyEndpoint> proxies() {
    return endpoints.values();
  }

  /** The seed the proxies draw every random decision from. */
  public long seed() {
    return seed;
  }

  /** {@code service=host:port -> upstream, ...}, as printed in failure messages. */
  public String describe() {
    return endpoints.values().stream()
        .map(e -> e.service() + "=" + e.hostPort() + " -> " + e.upstream())
        .collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return "ChaosTopology[" + describe() + ", seed=" + seed + "]";
  }
}
