package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * What goes wrong: one or more {@link Effect effects} on named services, applied together for one
 * cell and reverted after it. Immutable.
 *
 * <pre>{@code
 * Fault dbDown  = Fault.on("db").refuseConnections();
 * Fault dbSlow  = Fault.on("db").downstream().latency(Duration.ofSeconds(3));
 * Fault full    = Fault.on("db").postgres().query("INSERT*").error("53100", "disk full");
 * Fault both    = Fault.allOf(dbSlow, Fault.on("cache").refuseConnections());
 * Fault buggy   = Fault.buggify("orders.insert");
 * Fault alone   = Fault.isolate("db", "cache");
 * Fault apart   = Fault.partition("orders", "user-service");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Fault {

  private final List<FaultEffect> effects;

  private Fault(List<FaultEffect> effects) {
    if (effects.isEmpty()) {
      throw new IllegalArgumentException("a fault needs at least one effect: build it with Fault.on(service)");
    }
    this.effects = List.copyOf(effects);
  }

  /** Starts a fault on the service named {@code service} by {@code @Chaos}. */
  public static FaultTarget on(String service) {
    return new FaultTarget(service);
  }

  /**
   * The application's buggify site {@code site} forced on: {@code Buggify.hit(site)} fires at every reach
   * while the cell runs (in code running in the test JVM). Each firing counts, so an unreached site is a
   * bypassed fault.
   */
  public static Fault buggify(String site) {
    return of(BuggifySite.SERVICE, new BuggifySite(site));
  }

  /**
   * The {@code services} isolated from the rest: a {@link NetworkTarget#partition() partition} at each one's
   * proxy, applied together, each detected when a connection through it is lost. For other evidence or
   * windows, combine {@code Fault.on(service).network()...partition()} with {@link #allOf}.
   */
  public static Fault isolate(String... services) {
    Set<String> distinct = new LinkedHashSet<>(List.of(services));
    if (distinct.size() < 2 || distinct.size() != services.length) {
      throw new IllegalArgumentException("isolation needs two or more distinct services, was "
          + List.of(services) + "; for one service use Fault.on(service).network().partition()");
    }
    return allOf(distinct.stream().map(service -> on(service).network().partition()).toArray(Fault[]::new));
  }

  /**
   * A partition between the containers of services {@code a} and {@code b}: {@code a}'s connections to {@code b}'s
   * proxy and {@code b}'s to {@code a}'s stall, both ways, while every other client still reaches both (see
   * {@link NetworkTarget#partitionFrom}); each side is detected when a new connection reaches its service.
   */
  public static Fault partition(String a, String b) {
    return allOf(on(b).network().partitionFrom(a), on(a).network().partitionFrom(b));
  }

  /** A fault of one effect on one service, e.g. a {@link Toxic} or {@link Rule} built by hand. */
  public static Fault of(String service, Effect effect) {
    return new Fault(List.of(new FaultEffect(service, effect)));
  }

  /** Several faults applied together as one. */
  public static Fault allOf(Fault... faults) {
    List<FaultEffect> all = new ArrayList<>();
    for (Fault fault : faults) {
      all.addAll(Objects.requireNonNull(fault, "fault").effects);
    }
    return new Fault(all);
  }

  /** This fault together with {@code other}. */
  public Fault and(Fault other) {
    return allOf(this, other);
  }

  /** The effects, in the order they are applied. */
  public List<FaultEffect> effects() {
    return effects;
  }

  /**
   * This fault with its toxics and rules named after {@code name}, the name the engine, its events,
   * counters and reports then know them by: the first toxic or rule on a service is {@code name}, a
   * second one on the same service {@code name-2}, and so on. The extension names each {@code @FaultAssumption}
   * after its field.
   */
  public Fault named(String name) {
    Checks.name(name, "fault name");
    Map<String, Integer> perService = new HashMap<>();
    List<FaultEffect> named = new ArrayList<>();
    for (FaultEffect e : effects) {
      if (e.effect() instanceof RefuseConnections || e.effect() instanceof BuggifySite
          || e.effect() instanceof ContainerPrimitive) {
        named.add(e);
        continue;
      }
      int n = perService.merge(e.service(), 1, Integer::sum);
      named.add(new FaultEffect(e.service(), e.effect().named(n == 1 ? name : name + "-" + n)));
    }
    return new Fault(named);
  }

  /** The services this fault touches, in order. */
  public Set<String> services() {
    Set<String> services = new LinkedHashSet<>();
    effects.forEach(effect -> services.add(effect.service()));
    return Collections.unmodifiableSet(services);
  }

  /** A description of every effect, e.g. {@code db: refuse connections}. */
  public String describe() {
    return effects.stream().map(FaultEffect::describe).collect(Collectors.joining("; "));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Fault fault && fault.effects.equals(effects);
  }

  @Override
  public int hashCode() {
    return effects.hashCode();
  }

  @Override
  public String toString() {
    return "Fault[" + describe() + "]";
  }

}
