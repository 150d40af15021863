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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.lifecycle.Startable;

/**
 * The proxies of one test class, with the backend that runs them and any container it had to start.
 * Lives in the class's store; JUnit closes it when the class ends.
 */
// JUnit closes a Store value that is AutoCloseable from 5.13 on, and one that is a CloseableResource
// (deprecated since 5.13, closed only when AutoCloseable is not) on 5.12 too: both, so one close on each.
@SuppressWarnings("deprecation")
final class TopologyResource implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  private static final Logger LOG = LoggerFactory.getLogger(TopologyResource.class);

  private final FaultBackend backend;
  private final ChaosTopology topology;
  private final List<Startable> started;
  private final List<Runnable> onClose = new ArrayList<>();
  private int cellsRun;

  private TopologyResource(FaultBackend backend, ChaosTopology topology, List<Startable> started) {
    this.backend = backend;
    this.topology = topology;
    this.started = started;
  }

  /**
   * Starts the proxies of {@code testClass}'s services, after the containers among them that are not running
   * (in parallel), noting in {@code time} how long each step took.
   */
  static TopologyResource start(Class<?> testClass, long seed, LongFunction<FaultBackend> backends, ClassTime time) {
    long begin = System.nanoTime();
    List<ServiceDeclaration> services = ServiceScanner.scan(testClass);
    time.classInit(Duration.ofNanos(System.nanoTime() - begin));
    begin = System.nanoTime();
    FaultBackend backend = backends.apply(seed);
    long backendNanos = System.nanoTime() - begin;
    Map<String, Startable> toStart = notRunning(services);
    List<Startable> started = List.copyOf(toStart.values());
    List<ProxyEndpoint> endpoints = new ArrayList<>();
    try {
      ContainerStarts starts = ContainerStarts.start(toStart);
      time.containers(starts.together(), starts.each());
      begin = System.nanoTime();
      for (ServiceDeclaration service : services) {
        endpoints.add(front(backend, service));
      }
    } catch (RuntimeException | Error e) {
      // a service did not start or cannot be fronted: what started for the class must not outlive it
      closeAll(e, List.of(backend::close), started);
      throw e;
    }
    time.proxies(Duration.ofNanos(backendNanos + System.nanoTime() - begin));
    LOG.info("chaos proxies for {} (seed {}): {}", testClass.getSimpleName(), seed, endpoints);
    return new TopologyResource(backend, new ChaosTopology(endpoints, seed), started);
  }

  /** The containers of {@code services} that are not running, by (the first) service name, each once. */
  private static Map<String, Startable> notRunning(List<ServiceDeclaration> services) {
    Map<String, Startable> containers = new LinkedHashMap<>();
    for (ServiceDeclaration service : services) {
      if (service.target() instanceof ContainerState container && !container.isRunning()
          && container instanceof Startable startable
          && containers.values().stream().noneMatch(known -> known == startable)) {
        containers.put(service.name(), startable);
      }
    }
    return containers;
  }

  private static ProxyEndpoint front(FaultBackend backend, ServiceDeclaration service) {
    if (service.target() instanceof InetSocketAddress address) {
      return backend.front(service, new Upstream(address.getHostString(), address.getPort(), Optional.empty(),
          address.getPort(), Optional.empty()));
    }
    ContainerState container = (ContainerState) service.target();
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

  /** Notes that a cell ran its scenario through these proxies. */
  void cellRan() {
    cellsRun++;
  }

  /** How many cells ran their scenario so far. */
  int cellsRun() {
    return cellsRun;
  }

  /** Runs {@code action} first when this closes. */
  TopologyResource onClose(Runnable action) {
    onClose.add(action);
    return this;
  }

  /** Runs every close action, then closes the backend and stops the containers, even when one step fails. */
  @Override
  public void close() {
    List<Runnable> steps = new ArrayList<>(onClose);
    steps.add(backend::close);
    RuntimeException failure = new RuntimeException("closing the chaos proxies and containers failed");
    closeAll(failure, steps, started);
    if (failure.getSuppressed().length > 0) {
      throw failure;
    }
  }

  /** Runs each step, then stops each container, adding what any of them threw to {@code failure}. */
  private static void closeAll(Throwable failure, List<Runnable> steps, List<Startable> containers) {
    List<Runnable> all = new ArrayList<>(steps);
    containers.forEach(container -> all.add(container::stop));
    for (Runnable step : all) {
      try {
        step.run();
      } catch (RuntimeException | Error e) {
        failure.addSuppressed(e);
      }
    }
  }
}
