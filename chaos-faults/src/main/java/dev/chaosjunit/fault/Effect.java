package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One thing that goes wrong at one service: its proxy refuses connections, a {@link Toxic} acts on its
 * bytes, a {@link Rule} acts on its protocol's messages (the engine takes these values as they are), or a
 * {@link Primitive} acts on its container or its network, and waits for the system to notice. Or, inside the application itself, a
 * {@link BuggifySite} forced on.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface Effect permits RefuseConnections, Toxic, Rule, Primitive, BuggifySite {

  /** A short human description, e.g. {@code latency downstream (latency=3000, jitter=0)}. */
  String describe();

  /** The name the engine knows it by (toxics and rules); empty for effects that take no name. */
  String name();

  /** The same effect under the name the engine will know it by (toxics and rules; others ignore it). */
  Effect named(String name);
}
