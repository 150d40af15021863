package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A {@link Primitive} done to a service's network at its proxy (these machines have no {@code tc netem}: the
 * proxy is where the network is). The damage is a set of {@link Toxic toxics} on the service's proxy, named
 * after the primitive, added on apply and removed on revert; a flapping link adds and removes them on a
 * seeded schedule meanwhile. Build it with {@code Fault.on(service).network()}, or {@link Fault#isolate}.
 *
 * @param kind what happens to the link
 * @param name the name the proxy knows the toxics by, each {@code <name>_<type>_<stream>}
 * @param toxics the damage while the link is down or degraded
 * @param flapPhase a flapping link's mean phase length (each down or up phase lasts between half of it and
 *     one and a half times it, drawn from the cell's seed); {@link Duration#ZERO} for the other kinds
 * @param evidence what shows that the system noticed
 * @param within how long after the apply the evidence may take
 * @param peer the service whose container's connections it acts on (the proxy tells them by their source
 *     address); empty: every client's
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record NetworkPrimitive(Kind kind, String name, List<Toxic> toxics, Duration flapPhase, Evidence evidence,
    Duration within, String peer) implements Primitive {

  public NetworkPrimitive {
    if (kind == null || evidence == null || toxics == null || toxics.isEmpty()) {
      throw new IllegalArgumentException("a network primitive needs a kind, toxics and an evidence");
    }
    Checks.name(name, "network primitive name");
    Detection.window(within, kind.label);
    Checks.nonNegative(flapPhase, "flap phase of [" + kind.label + "]");
    peer = peer == null ? "" : peer.strip();
    if ((kind == Kind.FLAPPING) == flapPhase.isZero()) {
      throw new IllegalArgumentException("a flap phase is positive for a flapping link and zero for the other"
          + " kinds, was [" + flapPhase + "] for [" + kind.label + "]");
    }
    String prefix = name;
    toxics = toxics.stream().map(t -> t.named(prefix + "_" + t.type().wireName() + "_" + t.stream().wireName()))
        .toList();
  }

  /** What happens to the link. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Kind {
    /**
     * No byte passes either way; open connections stall with their bytes held (as TCP keeps unacknowledged
     * data), new ones are accepted and then hang; on revert the held bytes flow on. As in a real partition,
     * the service does not see a client give up its connection (nor does the proxy: it reads no more from a
     * stalled connection), so it is detected by the client's next connection.
     */
    PARTITION("partition", Evidence.NEW_CONNECTION),
    /** The client's bytes are held back (they never reach the service); the service's still arrive. */
    FIREWALL_INBOUND("firewall inbound", Evidence.NEW_CONNECTION),
    /** A partition that comes and goes on a seeded schedule, starting down. */
    FLAPPING("flapping link", Evidence.NEW_CONNECTION),
    /** Every round trip is slower and each direction's rate is limited. */
    SLOW_LINK("slow link", Evidence.NEW_CONNECTION),
    /** Seeded stalls of each chunk, and a seeded share of the connections reset by peer. */
    LOSSY_LINK("lossy link", Evidence.CONNECTION_LOST);

    private final String label;
    private final Evidence defaultEvidence;

    Kind(String label, Evidence defaultEvidence) {
      this.label = label;
      this.defaultEvidence = defaultEvidence;
    }

    /**
     * The evidence used unless another is given: a new connection for the kinds that stall a connection
     * (the client gave up the stalled one), a lost connection for a lossy link (the reset).
     */
    public Evidence defaultEvidence() {
      return defaultEvidence;
    }

    /** Lower case, e.g. {@code flapping link}. */
    public String label() {
      return label;
    }

    /** The name the toxics get unless the fault is named, e.g. {@code flapping_link}. */
    String defaultName() {
      return label.replace(' ', '_');
    }
  }

  /** A primitive acting on every client's connections. */
  public NetworkPrimitive(Kind kind, String name, List<Toxic> toxics, Duration flapPhase, Evidence evidence,
      Duration within) {
    this(kind, name, toxics, flapPhase, evidence, within, "");
  }

  @Override
  public String label() {
    return kind.label;
  }

  @Override
  public String describe() {
    return kind.label + (peer.isEmpty() ? "" : " from [" + peer + "]") + (kind == Kind.FLAPPING ? " (phases of about " + flapPhase.toMillis() + " ms)" : "") + " ["
        + toxics.stream().map(Toxic::describe).collect(Collectors.joining("; ")) + "] (detected when "
        + evidence.description() + ", within " + within.toMillis() + " ms)";
  }

  /**
   * This primitive with its toxics acting only on connections from {@code sources}, the addresses its
   * {@link #peer()}'s container has when it is applied.
   */
  public NetworkPrimitive from(Set<String> sources) {
    return new NetworkPrimitive(kind, name, toxics.stream().map(toxic -> toxic.from(sources)).toList(), flapPhase,
        evidence, within, peer);
  }

  @Override
  public NetworkPrimitive named(String newName) {
    return new NetworkPrimitive(kind, newName, toxics, flapPhase, evidence, within, peer);
  }
}
