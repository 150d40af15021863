package dev.chaosjunit.junit.internal;

import dev.chaosjunit.fault.FaultEffect;
import dev.chaosjunit.junit.ProxyEndpoint;
import java.util.Optional;

/**
 * How faults are carried out: the port between the extension and a proxy implementation (the in-JVM
 * engine, or a Toxiproxy-compatible server). One per test class; not used concurrently.
 */
public interface FaultBackend extends AutoCloseable {

  /** Starts a proxy for {@code service} in front of {@code upstreamHost:upstreamPort}. */
  ProxyEndpoint front(ServiceDeclaration service, String upstreamHost, int upstreamPort, Optional<String> jdbcUrl);

  /** Puts every proxy back to its baseline: enabled, no toxics, no rules. */
  void reset();

  /** Applies one effect under a name unique for the cell. */
  void apply(String id, FaultEffect effect);

  /** How often the applied effect fired so far. */
  long firings(String id, FaultEffect effect);

  /** Reverts one applied effect. */
  void revert(String id, FaultEffect effect);

  /** Stops every proxy. */
  @Override
  void close();
}
