package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Optional;
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
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContainerTarget {

  private final String service;
  private final Optional<ContainerPrimitive.Evidence> evidence;
  private final Duration within;

  ContainerTarget(String service) {
    this(service, Optional.empty(), ContainerPrimitive.DEFAULT_WINDOW);
  }

  private ContainerTarget(String service, Optional<ContainerPrimitive.Evidence> evidence, Duration within) {
    this.service = service;
    this.evidence = evidence;
    this.within = within;
  }

  /** The evidence that the system noticed, instead of the primitive's default. */
  public ContainerTarget detectedBy(ContainerPrimitive.Evidence newEvidence) {
    if (newEvidence == null) {
      throw new IllegalArgumentException("evidence must not be null");
    }
    return new ContainerTarget(service, Optional.of(newEvidence), within);
  }

  /** How long after the apply the evidence may take (10 s by default). */
  public ContainerTarget detectedWithin(Duration window) {
    return new ContainerTarget(service, evidence, window);
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

  private Fault build(ContainerPrimitive.Kind kind) {
    return Fault.of(service, new ContainerPrimitive(kind, evidence.orElse(kind.defaultEvidence()), within));
  }
}
