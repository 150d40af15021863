package dev.chaosjunit.bench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** One connection, one PING at a time: the round-trip latency a proxy adds, as p50 and p99. */
final class RoundTrip implements Workload {

  private final int warmup;
  private final int samples;
  private final Duration limit;

  RoundTrip(int warmup, int samples, Duration limit) {
    this.warmup = warmup;
    this.samples = samples;
    this.limit = limit;
  }

  @Override
  public String protocol() {
    return "redis";
  }

  @Override
  public List<Figure> run(InetSocketAddress address) throws Exception {
    byte[] ping = Resp.command("PING");
    byte[] pong = "+PONG\r\n".getBytes();
    byte[] buffer = new byte[pong.length];
    long[] nanos = new long[samples];
    int taken = 0;
    long deadline = System.nanoTime() + limit.toNanos();
    try (Resp redis = new Resp(address)) {
      for (int i = 0; i < warmup; i++) {
        redis.exchange(ping, pong, buffer);
      }
      for (; taken < samples && System.nanoTime() < deadline; taken++) {
        long start = System.nanoTime();
        redis.exchange(ping, pong, buffer);
        nanos[taken] = System.nanoTime() - start;
      }
    }
    long[] sorted = Arrays.copyOf(nanos, taken);
    Arrays.sort(sorted);
    return List.of(
        new Figure("round trip p50", "us", percentile(sorted, 0.50), false),
        new Figure("round trip p99", "us", percentile(sorted, 0.99), false));
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1000.0;
  }
}
