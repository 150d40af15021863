package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Damage with apply, revert and detect: done to a service's container ({@link ContainerPrimitive}) or to
 * its network at the proxy ({@link NetworkPrimitive}). Applied when the cell (or soak event) starts and
 * reverted when it ends; meanwhile the cell waits for the {@link Evidence} that the system noticed, for at
 * most {@link #within()} after the apply, and fails if none came.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface Primitive extends Effect permits ContainerPrimitive, NetworkPrimitive {

  /** The detection window unless one is given. */
  Duration DEFAULT_WINDOW = Duration.ofSeconds(10);

  /** Lower case, e.g. {@code kill} or {@code partition}, as events and reports name it. */
  String label();

  /** What shows that the system noticed. */
  Evidence evidence();

  /** How long after the apply the evidence may take. */
  Duration within();
}
