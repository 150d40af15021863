package dev.chaosjunit.junit.internal.run;

import dev.chaosjunit.junit.internal.plan.CellPlan;

/**
 * Where a cell sits, for its failure message: its plan, the proxies, the command re-running it and
 * its unique ID.
 *
 * @param plan the cell's plan
 * @param endpoints the proxies, described
 * @param rerun the command re-running this one cell with its seed
 * @param uniqueId the JUnit unique ID of the cell
 */
record CellContext(CellPlan plan, String endpoints, String rerun, String uniqueId) {}
