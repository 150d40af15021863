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
 * @param operations how many operations a rate counted (0 when the figure is not a rate), so that a route's
 *     thread usage can be divided by it
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Figure(String label, String unit, double value, boolean higherIsBetter, long operations) {

  /** A figure that is not a count of operations (a latency, a transfer rate). */
  public Figure(String label, String unit, double value, boolean higherIsBetter) {
    this(label, unit, value, higherIsBetter, 0);
  }

  /** {@code operations} per second over {@code nanos} of load. */
  public static Figure rate(String label, String unit, long operations, long nanos) {
    return new Figure(label, unit, operations / (nanos / 1e9), true, operations);
  }
}
