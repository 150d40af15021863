package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Damage done to a service's container rather than at its proxy: it is killed, restarted, paused or its
 * data disk fills up. Applied when the cell starts and reverted when it ends, like every effect; the cell
 * also waits for the {@link Evidence} that the system noticed, for at most {@code within} after the
 * apply, and fails if none came. Build it with {@code Fault.on(service).container()}.
 *
 * @param kind what is done to the container
 * @param evidence what shows that the system noticed
 * @param within how long after the apply the evidence may take
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ContainerPrimitive(Kind kind, Evidence evidence, Duration within) implements Effect {

  /** The detection window unless one is given. */
  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);

  public ContainerPrimitive {
    if (kind == null || evidence == null) {
      throw new IllegalArgumentException("a container primitive needs a kind and an evidence");
    }
    if (within == null || within.isNegative() || within.isZero()) {
      throw new IllegalArgumentException("the detection window of [" + kind.label + "] must be a positive duration,"
          + " was [" + within + "]");
    }
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
    DISK_FULL("disk full", Evidence.SERVICE_LOG);

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

  /** What shows that the system noticed a primitive. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Evidence {
    /** A connection through the service's proxy closed, or could not reach the container. */
    CONNECTION_LOST("a connection through the proxy closed or could not reach the service"),
    /** A connection through the service's proxy was lost and a new one reached the service afterwards. */
    RECONNECTED("a connection through the proxy was lost and a new one reached the service afterwards"),
    /**
     * A new connection through the service's proxy reached it after the apply: the client gave up one it
     * had (a connection to a frozen service does not close, it stays half-closed until the service thaws).
     */
    NEW_CONNECTION("a new connection through the proxy reached the service"),
    /**
     * The service logged that a write to its data directory failed for lack of room (e.g. PostgreSQL's
     * "No space left on device", Redis' short write to its append-only file): it met the full disk.
     */
    SERVICE_LOG("the service logged that its disk is full");

    private final String description;

    Evidence(String description) {
      this.description = description;
    }

    /** A sentence describing the evidence. */
    public String description() {
      return description;
    }
  }

  @Override
  public String describe() {
    return "container " + kind.label + " (detected when " + evidence.description + ", within " + within.toMillis()
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
