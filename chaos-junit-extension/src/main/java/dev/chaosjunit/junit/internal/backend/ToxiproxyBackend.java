package dev.chaosjunit.junit.internal.backend;

import dev.chaosjunit.fault.Effect;
import dev.chaosjunit.fault.FaultEffect;
import dev.chaosjunit.fault.RefuseConnections;
import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.junit.CellEvents;
import dev.chaosjunit.junit.ProxyEndpoint;
import dev.chaosjunit.junit.internal.Misconfiguration;
import dev.chaosjunit.junit.internal.plan.ServiceDeclaration;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.toxiproxy.ToxiproxyContainer;

/**
 * L4 faults through the Toxiproxy HTTP API (toxiproxy-java) against a Toxiproxy-compatible server in a
 * container: the chaos-junit engine's own image, built on demand ({@link ChaosProxyImage}). Fronts containers only (the proxy reaches
 * them on the Docker network); Toxiproxy reports no firings or events, so the bypass check does not
 * apply and cells record no events, its random decisions (toxicity, jitter) are not replayed per cell,
 * and protocol rules need the in-JVM engine.
 */
final class ToxiproxyBackend implements FaultBackend {

  private static final int FIRST_PORT = 8666;
  private static final int LAST_PORT = 8697;

  private final ToxiproxyContainer container;
  private final ToxiproxyClient client;
  private int nextPort = FIRST_PORT;

  private ToxiproxyBackend(ToxiproxyContainer container) {
    this.container = container;
    this.client = new ToxiproxyClient(container.getHost(), container.getControlPort());
  }

  /** Starts the engine's image, built first from {@code serverJar} when needed ({@link ChaosProxyImage}). */
  static FaultBackend start(Optional<Path> serverJar) {
    ToxiproxyContainer container = new ToxiproxyContainer(ChaosProxyImage.require(serverJar));
    container.start();
    return new ToxiproxyBackend(container);
  }

  @Override
  public ProxyEndpoint front(ServiceDeclaration service, Upstream upstream) {
    String networkHost = upstream.networkHost().orElseThrow(() -> Misconfiguration.of("Chaos", service.field(),
        "the Toxiproxy backend reaches services over the Docker network, and this one is no container",
        "front containers only, or use -Dchaos.backend=engine"));
    if (nextPort > LAST_PORT) {
      throw Misconfiguration.of("Chaos", service.field(), "more than 32 services", "use -Dchaos.backend=engine");
    }
    int port = nextPort++;
    io(() -> client.createProxy(service.name(), "0.0.0.0:" + port, networkHost + ":" + upstream.networkPort()));
    return new ProxyEndpoint(service.name(), service.protocol().engineName(), container.getHost(),
        container.getMappedPort(port), upstream.hostPort(), upstream.jdbcUrl());
  }

  @Override
  public boolean countsFirings() {
    return false;
  }

  @Override
  public Map<String, Long> connectionsAccepted() {
    return Map.of();
  }

  /** Toxiproxy's reset takes no seed: the server draws toxicity and jitter from its own random source. */
  @Override
  public void reset(long seed) {
    io(() -> {
      client.reset();
      return null;
    });
  }

  @Override
  public void apply(FaultEffect applied) {
    Proxy proxy = io(() -> client.getProxy(applied.service()));
    Effect effect = applied.effect();
    if (effect instanceof Toxic toxic) {
      io(() -> ToxiproxyToxics.add(proxy, toxic));
    } else if (effect instanceof RefuseConnections) {
      io(() -> {
        proxy.disable();
        return null;
      });
    } else {
      throw new IllegalStateException("[" + effect.describe() + "] reached the Toxiproxy backend, which carries out"
          + " only toxics and refused connections; discovery should have refused it (run with -Dchaos.backend=engine)");
    }
  }

  @Override
  public void settle() {
    // Toxiproxy's API cannot tell when its server handled what it received
  }

  @Override
  public EventRecording record() {
    return CellEvents::none;
  }

  @Override
  public long firings(FaultEffect effect) {
    return 0;
  }

  @Override
  public void awaitDetection(FaultEffect effect) {
    // only primitives are detected, and discovery keeps them from this backend
  }

  @Override
  public void revert(FaultEffect applied) {
    Proxy proxy = io(() -> client.getProxy(applied.service()));
    io(() -> {
      if (applied.effect() instanceof Toxic toxic) {
        proxy.toxics().get(toxic.name()).remove();
      } else {
        proxy.enable();
      }
      return null;
    });
  }

  @Override
  public List<String> leftovers() {
    List<String> left = new ArrayList<>();
    for (Proxy proxy : io(client::getProxies)) {
      if (!proxy.isEnabled()) {
        left.add("proxy " + proxy.getName() + " still refuses connections");
      }
      io(() -> proxy.toxics().getAll()).forEach(t -> left.add("toxic '" + t.getName() + "' still on proxy "
          + proxy.getName()));
    }
    return left;
  }

  @Override
  public void close() {
    container.stop();
  }

  private static <T> T io(IoCall<T> call) {
    try {
      return call.call();
    } catch (IOException e) {
      throw new UncheckedIOException("Toxiproxy API call failed: " + e.getMessage(), e);
    }
  }

  /** A call to the Toxiproxy API. */
  @FunctionalInterface
  interface IoCall<T> {
    T call() throws IOException;
  }
}
