package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Builds a {@link NetworkPrimitive} at a service's proxy: optionally the evidence and the detection
 * window, then the primitive, which ends the build. Each is detected by default by its kind's
 * {@link NetworkPrimitive.Kind#defaultEvidence() evidence}: a new connection through the proxy after the client
 * gave up a stalled one (partition, firewall, flapping, slow link), or a lost connection (lossy link).
 *
 * <pre>{@code
 * Fault cut      = Fault.on("db").network().partition();
 * Fault apart    = Fault.on("db").network().partitionFrom("orders");
 * Fault deaf     = Fault.on("cache").network().firewallInbound();
 * Fault flaky    = Fault.on("cache").network().detectedWithin(Duration.ofSeconds(20)).flapping(Duration.ofSeconds(2));
 * Fault far      = Fault.on("db").network().slowLink(Duration.ofMillis(300), 100);
 * Fault noisy    = Fault.on("db").network().lossyLink(0.2, Duration.ofMillis(400));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class NetworkTarget {

  private final String service;
  private final Detection detection;

  NetworkTarget(String service) {
    this(service, Detection.DEFAULT);
  }

  private NetworkTarget(String service, Detection detection) {
    this.service = service;
    this.detection = detection;
  }

  /** The evidence that the system noticed, instead of the primitive's default. */
  public NetworkTarget detectedBy(Evidence evidence) {
    return new NetworkTarget(service, detection.by(evidence));
  }

  /** How long after the apply the evidence may take (10 s by default). */
  public NetworkTarget detectedWithin(Duration window) {
    return new NetworkTarget(service, detection.within(window));
  }

  /**
   * Cuts the service off both ways: open connections stall, new ones are accepted and hang (a real
   * partition leaves the SYN unanswered; either way the client's first read waits for its timeout).
   */
  public Fault partition() {
    return build(NetworkPrimitive.Kind.PARTITION, Duration.ZERO, cut(Direction.UPSTREAM), cut(Direction.DOWNSTREAM));
  }

  /**
   * Cuts the service off from {@code peer} alone, both ways, as {@link #partition()} does: the connections that
   * {@code peer}'s container opens to this service's proxy stall, new ones hang; every other client (the test
   * JVM, another container) still gets through. The proxy tells {@code peer}'s connections by their source
   * address, the container's address on its Docker networks, so {@code peer} must be a container that reaches
   * this service through its proxy. {@link Fault#partition} cuts both services' proxies.
   */
  public Fault partitionFrom(String peer) {
    Checks.name(peer, "the peer of a partition");
    if (peer.strip().equals(service)) {
      throw new IllegalArgumentException("service [" + service + "] cannot be partitioned from itself; name another"
          + " service, or cut it from everyone with partition()");
    }
    return build(NetworkPrimitive.Kind.PARTITION, Duration.ZERO, peer, cut(Direction.UPSTREAM),
        cut(Direction.DOWNSTREAM));
  }

  /** Holds back what clients send to the service; what the service sends still arrives. */
  public Fault firewallInbound() {
    return build(NetworkPrimitive.Kind.FIREWALL_INBOUND, Duration.ZERO, cut(Direction.UPSTREAM));
  }

  /**
   * A partition that comes and goes: down for a phase, up for the next, each phase between half and one
   * and a half times {@code meanPhase}, drawn from the cell's seed (the same seed, the same schedule).
   */
  public Fault flapping(Duration meanPhase) {
    if (meanPhase == null || meanPhase.isNegative() || meanPhase.isZero()) {
      throw new IllegalArgumentException("the mean phase of a flapping link must be a positive duration, was ["
          + meanPhase + "]");
    }
    return build(NetworkPrimitive.Kind.FLAPPING, meanPhase, cut(Direction.UPSTREAM), cut(Direction.DOWNSTREAM));
  }

  /**
   * Adds {@code latency} to every answer (so to every round trip) and limits each direction to
   * {@code kilobytesPerSecond} KB/s (1 KB = 1000 bytes; it must be positive: a rate of 0 is a partition).
   */
  public Fault slowLink(Duration latency, long kilobytesPerSecond) {
    long millis = Checks.nonNegative(latency, "slow link latency").toMillis();
    if (kilobytesPerSecond <= 0) {
      throw new IllegalArgumentException("the rate of a slow link must be > 0 KB/s, was [" + kilobytesPerSecond
          + "]; for a link that passes nothing use partition()");
    }
    return build(NetworkPrimitive.Kind.SLOW_LINK, Duration.ZERO,
        Toxic.of(ToxicType.LATENCY, Direction.DOWNSTREAM, Map.of("latency", millis)),
        Toxic.of(ToxicType.BANDWIDTH, Direction.UPSTREAM, Map.of("rate", kilobytesPerSecond)),
        Toxic.of(ToxicType.BANDWIDTH, Direction.DOWNSTREAM, Map.of("rate", kilobytesPerSecond)));
  }

  /**
   * What packet loss looks like to a TCP client: every answer stalls for a seeded 0 to {@code maxStall}
   * (retransmissions), and a seeded {@code resetShare} (0..1) of the connections is reset by peer at its
   * first byte after the apply.
   */
  public Fault lossyLink(double resetShare, Duration maxStall) {
    Checks.probability(resetShare, "reset share of a lossy link");
    long half = Checks.nonNegative(maxStall, "maximum stall of a lossy link").toMillis() / 2;
    return build(NetworkPrimitive.Kind.LOSSY_LINK, Duration.ZERO,
        Toxic.of(ToxicType.LATENCY, Direction.DOWNSTREAM, Map.of("latency", half, "jitter", half)),
        new Toxic(null, ToxicType.RESET_PEER, Direction.UPSTREAM, resetShare, Map.of()));
  }

  private static Toxic cut(Direction stream) {
    return Toxic.of(ToxicType.BANDWIDTH, stream, Map.of("rate", 0L));
  }

  private Fault build(NetworkPrimitive.Kind kind, Duration flapPhase, Toxic... toxics) {
    return build(kind, flapPhase, "", toxics);
  }

  private Fault build(NetworkPrimitive.Kind kind, Duration flapPhase, String peer, Toxic... toxics) {
    return Fault.of(service, new NetworkPrimitive(kind, kind.defaultName(), List.of(toxics), flapPhase,
        detection.evidenceOr(kind.defaultEvidence()), detection.within(), peer));
  }
}
