package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * Something a primitive did in a cell, or the evidence that the system noticed it: the cell
 * keeps them in order ({@link Cell#primitiveEvents()}) for checks and reports.
 *
 * @param time when it happened
 * @param service the service whose container it acted on
 * @param primitive the primitive, e.g. {@code kill}
 * @param type what happened
 * @param sinceApplied how long after the primitive's apply ({@link Duration#ZERO} for the apply itself)
 * @param detail what was done or seen, e.g. the container's new port or the evidence
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PrimitiveEvent(Instant time, String service, String primitive, Type type, Duration sinceApplied,
    String detail) {

  /** What happened. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public enum Type {
    /** The damage was done. */
    APPLIED,
    /** The evidence that the system noticed showed within the window. */
    DETECTED,
    /** The window ended without the evidence: the cell fails. */
    NOT_DETECTED,
    /** The damage was undone. */
    REVERTED
  }

  /** {@code +12 ms db kill detected: ...}, as failure messages and reports print it. */
  public String describe() {
    return "+" + sinceApplied.toMillis() + " ms " + service + " " + primitive + " "
        + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + (detail.isEmpty() ? "" : ": " + detail);
  }
}
