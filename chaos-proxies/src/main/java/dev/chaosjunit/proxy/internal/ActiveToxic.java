package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.proxy.ToxicSpec;
import dev.chaosjunit.proxy.ToxicType;

/** A toxic as installed: an update installs a new instance, so identity tells versions apart. */
final class ActiveToxic {

  final ToxicSpec spec;
  final Counter counter;

  ActiveToxic(ToxicSpec spec, Counter counter) {
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
