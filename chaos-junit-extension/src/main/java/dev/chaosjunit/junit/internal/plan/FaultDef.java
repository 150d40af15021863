package dev.chaosjunit.junit.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.fault.Fault;
import org.apiguardian.api.API;

/**
 * A named fault, a column of matrices.
 *
 * @param name its name
 * @param fault what it does
 * @param element where it was declared, for messages
 */
@API(status = INTERNAL, since = "0.1")
public record FaultDef(String name, Fault fault, String element) {}
