package dev.chaosjunit.bench;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One measured number of one workload on one route.
 *
 * @param label e.g. {@code "pipelined GET"}
 * @param unit e.g. {@code "req/s"}
 * @param value the measurement
 * @param higherIsBetter true for throughput, false for latency
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Figure(String label, String unit, double value, boolean higherIsBetter) {}
