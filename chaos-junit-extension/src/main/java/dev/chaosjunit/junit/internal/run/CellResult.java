package dev.chaosjunit.junit.internal.run;

import dev.chaosjunit.junit.Cell;
import java.util.Optional;

/**
 * A cell after it ran: the cell (outcome and firings), its judgement, and the infrastructure error
 * that made it {@code ERRORED}, if any.
 *
 * @param cell the cell
 * @param judgement verdict and reason
 * @param error the infrastructure error, if any
 */
record CellResult(Cell cell, Judgement judgement, Optional<Throwable> error) {}
