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
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ContainerPrimitive(Kind kind, Evidence evidence, Duration within) implements Primitive {

  public ContainerPrimitive {
    if (kind == null || evidence == null) {
      throw new IllegalArgumentException("a container primitive needs a kind and an evidence");
    }
    Detection.window(within, kind.label);
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

  @Override
  public String label() {
    return kind.label;
  }

  @Override
  public String describe() {
    return "container " + kind.label + " (detected when " + evidence.description() + ", within " + within.toMillis()
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
