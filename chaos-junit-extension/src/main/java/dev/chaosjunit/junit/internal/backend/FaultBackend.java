package dev.chaosjunit.junit.internal.backend;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.fault.FaultEffect;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ProxyEndpoint;
import dev.chaosjunit.junit.internal.Backend;
import dev.chaosjunit.junit.internal.plan.ServiceDeclaration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * How faults are carried out: the port between the extension and a proxy implementation (the in-JVM
 * engine, or a Toxiproxy-compatible server). One per test class; not used concurrently.
 */
@API(status = INTERNAL, since = "0.1")
public interface FaultBackend extends AutoCloseable {

  /**
   * Starts a backend for the proxies of {@code testClass} with its seed, listening on its
   * {@code @ChaosTest(proxyHost)}; the Toxiproxy backend builds its image from {@code serverJar} when
   * needed ({@link ChaosProxyImage}).
   */
  static FaultBackend start(Backend backend, Optional<Path> serverJar, long seed, Class<?> testClass) {
    String proxyHost = ProxyHost.resolve(AnnotationSupport.findAnnotation(testClass, ChaosTest.class)
        .map(ChaosTest::proxyHost).orElse(""), testClass);
    if (backend == Backend.ENGINE) {
      return EngineBackend.start(seed, proxyHost);
    }
    if (!proxyHost.equals(ProxyHost.LOOPBACK)) {
      throw new IllegalArgumentException("[" + testClass.getName() + "] @ChaosTest(proxyHost) needs the engine"
          + " backend: the toxiproxy backend's proxies run in a container of their own");
    }
    return ToxiproxyBackend.start(serverJar);
  }

  /** Starts a proxy for {@code service} in front of its upstream. */
  ProxyEndpoint front(ServiceDeclaration service, Upstream upstream);

  /** Whether {@link #firings} counts (else the fault-bypassed check cannot apply). */
  boolean countsFirings();

  /**
   * Client connections each proxy accepted since it started, by service; empty when the backend cannot
   * count them (then zero traffic cannot be told).
   */
  Map<String, Long> connectionsAccepted();

  /**
   * Puts every proxy back to its baseline (enabled, no toxics, no rules) for a cell, whose faults then
   * draw their random decisions from {@code seed} (the engine; a Toxiproxy server draws from its own).
   */
  void reset(long seed);

  /**
   * Waits until the proxies handled what clients sent so far (the engine; the Toxiproxy backend cannot
   * tell), so a scenario's last bytes meet its cell's faults before they are read and reverted.
   */
  void settle();

  /**
   * Starts recording the proxies' events, and what primitives do, for a cell (or a soak's event); the
   * Toxiproxy backend records none.
   */
  EventRecording record();

  /** Applies one effect, under the name it carries (unique per service and cell), or to the service's container. */
  void apply(FaultEffect effect);

  /** How often the applied effect fired so far. */
  long firings(FaultEffect effect);

  /**
   * Waits until the evidence that the system noticed an applied primitive shows, or its
   * window ends (recorded with the cell's events, {@link #record()}); returns at once for effects at the proxy.
   */
  void awaitDetection(FaultEffect effect) throws InterruptedException;

  /**
   * What keeps the proxies and containers from their baseline now, one line each (e.g. {@code toxic 'slowDb'
   * still on proxy db}): a toxic, a rule, a proxy refusing connections, a live connection a removed fault left
   * state on, a container not running or a proxy not pointed at it; empty at the baseline. The Toxiproxy
   * backend sees only what its API shows: toxics and disabled proxies.
   */
  List<String> leftovers();

  /** Reverts one applied effect. */
  void revert(FaultEffect effect);

  /** Stops every proxy. */
  @Override
  void close();
}
