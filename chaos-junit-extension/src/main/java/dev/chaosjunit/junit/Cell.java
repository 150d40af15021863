package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.fault.Fault;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One cell of a fault matrix after its scenario ran: a parameter of the {@link FaultMatrix} method,
 * for checks beyond the expectation.
 *
 * @param index the cell's position, 1-based, as in {@code [test-template-invocation:#N]}
 * @param scenario the scenario's name
 * @param faultName the fault's name, {@link FaultMatrix#NO_FAULT} for the baseline
 * @param fault the fault, empty for the baseline
 * @param expectation what the cell expected
 * @param outcome what the scenario did
 * @param firings how often each effect of the fault fired, by effect description
 * @param events what happened in the proxies while the cell ran, and what the fault's primitives did and the
 *     evidence that they were noticed ({@link CellEvents#primitives()}), in order
 * @param seed the seed that re-runs this cell ({@code -Dchaos.seed}): the run seed, or this iteration's
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Cell(
    int index,
    String scenario,
    String faultName,
    Optional<Fault> fault,
    Expectation expectation,
    Outcome outcome,
    Map<String, Long> firings,
    CellEvents events,
    long seed) {

  public Cell {
    firings = Map.copyOf(firings);
  }

  /** The cell's canonical name, {@code scenario × fault}, as {@code -Dchaos.cell} takes it. */
  public String name() {
    return scenario + " × " + faultName;
  }

  /** The total number of firings of the fault's effects. */
  public long totalFirings() {
    return firings.values().stream().mapToLong(Long::longValue).sum();
  }
}
