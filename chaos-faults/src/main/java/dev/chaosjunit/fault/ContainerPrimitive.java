package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A {@link Primitive} done to a service's container rather than at its proxy: it is killed, restarted,
 * paused or its data disk fills up. Build it with {@code Fault.on(service).container()}.
 *
 * @param kind what is done to the container
 * @param evidence what shows that the system noticed
 * @param within how long after the apply the evidence may take
 * @param skew how far a clock skew moves the container's wall clock (negative: back);
 *     {@link Duration#ZERO} for the other kinds
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ContainerPrimitive(Kind kind, Evidence evidence, Duration within, Duration skew) implements Primitive {

  public ContainerPrimitive {
    if (kind == null || evidence == null || skew == null) {
      throw new IllegalArgumentException("a container primitive needs a kind, an evidence and a skew");
    }
    Detection.window(within, kind.label);
    if ((kind == Kind.CLOCK_SKEW) == skew.isZero()) {
      throw new IllegalArgumentException("a skew is non-zero for a clock skew and zero for the other kinds, was ["
          + skew + "] for [" + kind.label + "]");
    }
  }

  /** A primitive of a kind without a skew. */
  public ContainerPrimitive(Kind kind, Evidence evidence, Duration within) {
    this(kind, evidence, within, Duration.ZERO);
  }

  /** What is done to the container. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Kind {
    /** SIGKILL on apply; started again (same container, same data) on revert, the proxy re-pointed. */
    KILL("kill", Evidence.CONNECTION_LOST),
    /** SIGKILL then start on apply, the proxy re-pointed at the new port; nothing left to revert. */
    RESTART("restart", Evidence.RECONNECTED),
    /** Every process frozen (cgroup freezer) on apply, thawed on revert: slow, not dead. */
    PAUSE("pause", Evidence.NEW_CONNECTION),
    /** The data directory, a size-limited tmpfs, filled to the last byte on apply and freed on revert. */
    DISK_FULL("disk full", Evidence.SERVICE_LOG),
    /**
     * The wall clock of the container's processes stepped by the skew on apply and back on revert, the
     * monotonic clock untouched (as an NTP step does). No image supports it yet: it is refused at discovery,
     * saying why.
     */
    CLOCK_SKEW("clock skew", Evidence.NEW_CONNECTION);

    private final String label;
    private final Evidence defaultEvidence;

    Kind(String label, Evidence defaultEvidence) {
      this.label = label;
      this.defaultEvidence = defaultEvidence;
    }

    /** The evidence used unless another is given. */
    public Evidence defaultEvidence() {
      return defaultEvidence;
    }

    /** Lower case, e.g. {@code disk full}. */
    public String label() {
      return label;
    }
  }

  @Override
  public String label() {
    return kind.label;
  }

  @Override
  public String describe() {
    return "container " + kind.label + (skew.isZero() ? "" : " by " + skew) + " (detected when " + evidence.description() + ", within " + within.toMillis()
        + " ms)";
  }

  @Override
  public String name() {
    return "";
  }

  @Override
  public ContainerPrimitive named(String name) {
    return this;
  }
}
