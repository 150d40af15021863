package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** One thing a {@link Fault} does to one service; a fault is a list of effects applied together. */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface FaultEffect permits RefuseConnections, Toxic, Rule {

  /** The service the effect targets, as named by {@code @Chaos}. */
  String service();

  /** A short human description, e.g. {@code latency 3000ms downstream}. */
  String describe();
}
