package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Builds a {@link ContainerPrimitive} for a service's container: optionally the evidence and the
 * detection window, then the primitive, which ends the build.
 *
 * <pre>{@code
 * Fault dbKilled   = Fault.on("db").container().kill();
 * Fault dbBounced  = Fault.on("db").container().detectedWithin(Duration.ofSeconds(20)).restart();
 * Fault dbFrozen   = Fault.on("db").container().pause();
 * Fault dbFull     = Fault.on("db").container().diskFull();
 * Fault dbAhead    = Fault.on("db").container().clockSkew(Duration.ofMinutes(5)); // refused at discovery
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContainerTarget {

  private final String service;
  private final Detection detection;

  ContainerTarget(String service) {
    this(service, Detection.DEFAULT);
  }

  private ContainerTarget(String service, Detection detection) {
    this.service = service;
    this.detection = detection;
  }

  /** The evidence that the system noticed, instead of the primitive's default. */
  public ContainerTarget detectedBy(Evidence evidence) {
    return new ContainerTarget(service, detection.by(evidence));
  }

  /** How long after the apply the evidence may take (10 s by default). */
  public ContainerTarget detectedWithin(Duration window) {
    return new ContainerTarget(service, detection.within(window));
  }

  /** SIGKILL: the service is dead during the cell and started again (same data) when it ends. */
  public Fault kill() {
    return build(ContainerPrimitive.Kind.KILL);
  }

  /** SIGKILL and start again before the scenario runs: pooled connections are stale, new ones work. */
  public Fault restart() {
    return build(ContainerPrimitive.Kind.RESTART);
  }

  /** Freezes every process of the container during the cell: connections stay open, nothing answers. */
  public Fault pause() {
    return build(ContainerPrimitive.Kind.PAUSE);
  }

  /** Fills the data directory (a size-limited tmpfs the container declares) during the cell. */
  public Fault diskFull() {
    return build(ContainerPrimitive.Kind.DISK_FULL);
  }

  /**
   * Steps the wall clock of the container's processes by {@code skew} (negative: back) during the cell, the
   * monotonic clock untouched. No image supports it yet, so a matrix with it fails at discovery, saying why.
   */
  public Fault clockSkew(Duration skew) {
    if (skew == null || skew.isZero()) {
      throw new IllegalArgumentException("a clock skew must be a non-zero duration, was [" + skew + "]");
    }
    return build(ContainerPrimitive.Kind.CLOCK_SKEW, skew);
  }

  private Fault build(ContainerPrimitive.Kind kind) {
    return build(kind, Duration.ZERO);
  }

  private Fault build(ContainerPrimitive.Kind kind, Duration skew) {
    return Fault.of(service, new ContainerPrimitive(kind, detection.evidenceOr(kind.defaultEvidence()),
        detection.within(), skew));
  }
}
