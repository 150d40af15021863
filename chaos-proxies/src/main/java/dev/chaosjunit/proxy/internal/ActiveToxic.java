package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.fault.ToxicType;

/** A toxic as installed: an update installs a new instance, so identity tells versions apart. */
final class ActiveToxic {

  final Toxic spec;
  final Counter counter;

  ActiveToxic(Toxic spec, Counter counter) {
    this.spec = spec;
    this.counter = counter;
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
}
