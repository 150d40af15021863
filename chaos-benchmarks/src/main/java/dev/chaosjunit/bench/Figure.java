package dev.chaosjunit.bench;

/**
 * One measured number of one workload on one route.
 *
 * @param label e.g. {@code "pipelined GET"}
 * @param unit e.g. {@code "req/s"}
 * @param value the measurement
 * @param higherIsBetter true for throughput, false for latency
 */
public record Figure(String label, String unit, double value, boolean higherIsBetter) {}
