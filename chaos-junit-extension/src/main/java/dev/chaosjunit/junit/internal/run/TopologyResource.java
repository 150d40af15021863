package dev.chaosjunit.junit.internal.run;

import com.github.dockerjava.api.model.ContainerNetwork;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.ProxyEndpoint;
import dev.chaosjunit.junit.internal.Misconfiguration;
import dev.chaosjunit.junit.internal.backend.FaultBackend;
import dev.chaosjunit.junit.internal.backend.Upstream;
import dev.chaosjunit.junit.internal.plan.ServiceDeclaration;
import dev.chaosjunit.junit.internal.plan.ServiceScanner;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.lifecycle.Startable;

/**
 * The proxies of one test class, with the backend that runs them and any container it had to start.
 * Lives in the class's store; JUnit closes it when the class ends.
 */
final class TopologyResource implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TopologyResource.class);

  private final FaultBackend backend;
  private final ChaosTopology topology;
  private final List<Startable> started;
  private final List<Runnable> onClose = new ArrayList<>();

  private TopologyResource(FaultBackend backend, ChaosTopology topology, List<Startable> started) {
    this.backend = backend;
    this.topology = topology;
    this.started = started;
  }

  static TopologyResource start(Class<?> testClass, long seed, LongFunction<FaultBackend> backends) {
    List<ServiceDeclaration> services = ServiceScanner.scan(testClass);
    List<Startable> started = new ArrayList<>();
    FaultBackend backend = backends.apply(seed);
    List<ProxyEndpoint> endpoints = new ArrayList<>();
    for (ServiceDeclaration service : services) {
      endpoints.add(front(backend, service, started));
    }
    LOG.info("chaos proxies for {} (seed {}): {}", testClass.getSimpleName(), seed, endpoints);
    return new TopologyResource(backend, new ChaosTopology(endpoints, seed), started);
  }

  private static ProxyEndpoint front(FaultBackend backend, ServiceDeclaration service, List<Startable> started) {
    if (service.target() instanceof InetSocketAddress address) {
      return backend.front(service, new Upstream(address.getHostString(), address.getPort(), Optional.empty(),
          address.getPort(), Optional.empty()));
    }
    ContainerState container = (ContainerState) service.target();
    if (!container.isRunning() && container instanceof Startable startable) {
      LOG.info("starting container of chaos service [{}]", service.name());
      startable.start();
      started.add(startable);
    }
    int port = port(service, container);
    return backend.front(service, new Upstream(container.getHost(), container.getMappedPort(port),
        networkAddress(container), port, JdbcUrls.of(container)));
  }

  private static Optional<String> networkAddress(ContainerState container) {
    return container.getContainerInfo().getNetworkSettings().getNetworks().values().stream()
        .map(ContainerNetwork::getIpAddress).filter(ip -> ip != null && !ip.isBlank()).findFirst();
  }

  private static int port(ServiceDeclaration service, ContainerState container) {
    if (service.port() > 0) {
      return service.port();
    }
    if (container.getExposedPorts().isEmpty()) {
      throw Misconfiguration.of("Chaos", service.field(), "the container exposes no port",
          "call withExposedPorts(...) on it or set @Chaos(port = ...)");
    }
    return container.getExposedPorts().get(0);
  }

  /** The backend carrying out faults. */
  public FaultBackend backend() {
    return backend;
  }

  /** The proxies' addresses. */
  public ChaosTopology topology() {
    return topology;
  }

  /** Runs {@code action} first when this closes. */
  TopologyResource onClose(Runnable action) {
    onClose.add(action);
    return this;
  }

  @Override
  public void close() {
    onClose.forEach(Runnable::run);
    backend.close();
    started.forEach(Startable::stop);
  }
}
