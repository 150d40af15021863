package dev.chaosjunit.bench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Like {@code redis-benchmark -c CONNECTIONS -P PIPELINE -t get}: each connection sends batches of small
 * GETs and waits for the whole batch of replies; the figure is replies per second over all connections.
 */
final class PipelinedRedis implements Workload {

  static final String KEY = "chaos:bench:key";
  static final String VALUE = "xxx";

  private final int connections;
  private final int pipeline;
  private final Duration duration;

  PipelinedRedis(int connections, int pipeline, Duration duration) {
    this.connections = connections;
    this.pipeline = pipeline;
    this.duration = duration;
  }

  @Override
  public String protocol() {
    return "redis";
  }

  @Override
  public List<Figure> run(InetSocketAddress address) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      long deadline = System.nanoTime() + duration.toNanos();
      List<Future<Long>> counts = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < connections; i++) {
        counts.add(pool.submit(() -> load(address, deadline)));
      }
      long replies = 0;
      for (Future<Long> count : counts) {
        replies += count.get();
      }
      String label = "pipelined GET (" + connections + " conn x " + pipeline + ")";
      return List.of(Figure.rate(label, "req/s", replies, System.nanoTime() - start));
    } finally {
      pool.shutdownNow();
    }
  }

  private long load(InetSocketAddress address, long deadline) throws Exception {
    byte[] batch = Resp.repeat(Resp.command("GET", KEY), pipeline);
    byte[] replies = Resp.repeat(("$" + VALUE.length() + "\r\n" + VALUE + "\r\n").getBytes(), pipeline);
    byte[] buffer = new byte[replies.length];
    long count = 0;
    try (Resp redis = new Resp(address)) {
      for (int round = 0; round < Integer.MAX_VALUE && System.nanoTime() < deadline; round++) {
        redis.exchange(batch, replies, buffer);
        count += pipeline;
      }
    }
    return count;
  }
}
