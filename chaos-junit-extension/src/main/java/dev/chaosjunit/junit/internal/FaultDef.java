package dev.chaosjunit.junit.internal;

import dev.chaosjunit.fault.Fault;

/**
 * A named fault, a column of matrices.
 *
 * @param name its name
 * @param fault what it does
 * @param element where it was declared, for messages
 */
public record FaultDef(String name, Fault fault, String element) {}
