package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.proxy.FaultCounters;
import dev.chaosjunit.proxy.NameConflictException;
import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.ToxicType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** A proxy's toxics in the order they were added; readers get immutable snapshots. */
final class ToxicChain {

  private final String proxy;
  private final LongSupplier seed;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private volatile List<ActiveToxic> all = List.of();

  ToxicChain(String proxy, LongSupplier seed) {
    this.proxy = proxy;
    this.seed = seed;
  }

  synchronized Toxic add(Toxic spec) {
    check(spec);
    if (find(spec.name()).isPresent()) {
      throw new NameConflictException("proxy [" + proxy + "]: toxic [" + spec.name() + "] already exists");
    }
    Counter counter = new Counter();
    counters.put(spec.name(), counter);
    List<ActiveToxic> next = new ArrayList<>(all);
    next.add(new ActiveToxic(spec, counter, seed.getAsLong()));
    all = List.copyOf(next);
    return spec;
  }

  synchronized Toxic update(Toxic spec) {
    check(spec);
    ActiveToxic old = require(spec.name());
    if (old.type() != spec.type()) {
      throw new IllegalArgumentException("proxy [" + proxy + "]: toxic [" + spec.name() + "] is a ["
          + old.type().wireName() + "]; its type cannot change to [" + spec.type().wireName()
          + "]: remove it and add a new one");
    }
    List<ActiveToxic> next = new ArrayList<>(all);
    next.set(next.indexOf(old), new ActiveToxic(spec, old.counter, seed.getAsLong()));
    all = List.copyOf(next);
    return spec;
  }

  synchronized void remove(String name) {
    ActiveToxic old = require(name);
    List<ActiveToxic> next = new ArrayList<>(all);
    next.remove(old);
    all = List.copyOf(next);
  }

  /** Removes every toxic; returns the names removed. */
  synchronized List<String> clear() {
    List<String> names = all.stream().map(ActiveToxic::name).toList();
    all = List.of();
    return names;
  }

  List<ActiveToxic> snapshot() {
    return all;
  }

  /** The first toxic of {@code stream} whose name is not in {@code passed}, or null. */
  ActiveToxic next(Direction stream, Set<String> passed) {
    for (ActiveToxic t : all) {
      if (t.spec.stream() == stream && !passed.contains(t.name())) {
        return t;
      }
    }
    return null;
  }

  /** The installed toxic of that name on that stream, or null. */
  ActiveToxic current(Direction stream, String name) {
    for (ActiveToxic t : all) {
      if (t.spec.stream() == stream && t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }

  Optional<ActiveToxic> find(String name) {
    return all.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  FaultCounters counters(String name) {
    Counter counter = counters.get(name);
    if (counter == null) {
      throw new NoSuchElementException("proxy [" + proxy + "]: no toxic [" + name + "] was ever added");
    }
    return counter.snapshot();
  }

  private ActiveToxic require(String name) {
    return find(name).orElseThrow(() -> new NoSuchElementException(
        "proxy [" + proxy + "]: toxic [" + name + "] not found; it has " + all.stream().map(ActiveToxic::name).toList()));
  }

  private void check(Toxic spec) {
    if (spec.type() == ToxicType.SLICER && spec.attribute("average_size") < 1) {
      throw new IllegalArgumentException("proxy [" + proxy + "]: toxic [" + spec.name()
          + "]: slicer needs average_size >= 1 (bytes per slice)");
    }
  }
}
