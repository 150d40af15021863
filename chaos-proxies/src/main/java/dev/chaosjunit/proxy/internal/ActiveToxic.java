package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.fault.ToxicType;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A toxic as installed: an update installs a new instance, so identity tells versions apart. It keeps the
 * seed it was installed under and numbers the connections it meets, so its decisions start with it.
 */
final class ActiveToxic {

  final Toxic spec;
  final Counter counter;
  final long seed;
  private final AtomicLong connections = new AtomicLong();

  ActiveToxic(Toxic spec, Counter counter, long seed) {
    this.spec = spec;
    this.counter = counter;
    this.seed = seed;
  }

  String name() {
    return spec.name();
  }

  ToxicType type() {
    return spec.type();
  }

  long attr(String attribute) {
    return spec.attribute(attribute);
  }

  /** 1 for the first connection and stream that meets this toxic, then 2, 3... */
  long nextConnection() {
    return connections.incrementAndGet();
  }
}
