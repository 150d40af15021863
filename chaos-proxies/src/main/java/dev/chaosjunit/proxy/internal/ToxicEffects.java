package dev.chaosjunit.proxy.internal;

import java.util.concurrent.TimeUnit;

/** What each toxic type does to a chunk, after Toxiproxy 2.x's toxics. */
final class ToxicEffects {

  private ToxicEffects() {}

  static void apply(Flow flow, ActiveToxic toxic, Piece piece, Runnable done) {
    switch (toxic.type()) {
      case LATENCY -> latency(flow, toxic, piece, done);
      case BANDWIDTH -> bandwidth(flow, toxic, piece, done);
      case SLICER -> slice(flow, toxic, piece, done);
      case TIMEOUT -> timeout(flow, toxic, piece, done);
      case RESET_PEER -> resetPeer(flow, toxic, piece, done);
      case LIMIT_DATA -> limitData(flow, toxic, piece, done);
      case SLOW_CLOSE -> flow.advance(piece, done);
    }
  }

  /** Delays by latency +/- jitter, counted from when the chunk was read. */
  private static void latency(Flow flow, ActiveToxic toxic, Piece piece, Runnable done) {
    long jitter = toxic.attr("jitter");
    long ms = toxic.attr("latency") + (jitter > 0 ? flow.faults().draws(toxic).spread("jitter", jitter) : 0);
    long sleep = TimeUnit.MILLISECONDS.toNanos(ms) - (System.nanoTime() - piece.timestamp);
    flow.hold(toxic, piece, sleep, done, () -> {
      piece.timestamp += Math.max(0, sleep);
      flow.advance(piece, done);
    });
  }

  /** rate KB/s (1 KB = 1000 bytes); big chunks go out in 100 ms slices; rate 0 holds the data. */
  private static void bandwidth(Flow flow, ActiveToxic toxic, Piece piece, Runnable done) {
    long rate = toxic.attr("rate");
    if (rate == 0) {
      flow.hold(toxic, piece, Flow.FOREVER, done, null);
      return;
    }
    long slice = rate > Long.MAX_VALUE / 100 ? Long.MAX_VALUE : rate * 100;
    if (piece.size() > slice) {
      flow.hold(toxic, piece, TimeUnit.MILLISECONDS.toNanos(100), done,
          () -> flow.advance(piece.splitFront(slice), () -> bandwidth(flow, toxic, piece, done)));
      return;
    }
    long sleep = piece.size() * 1_000_000L / rate;
    flow.hold(toxic, piece, sleep, done, () -> flow.advance(piece, done));
  }

  /** Cuts into average_size +/- size_variation byte slices, delay microseconds apart. */
  private static void slice(Flow flow, ActiveToxic toxic, Piece piece, Runnable done) {
    long variation = toxic.attr("size_variation");
    long size = toxic.attr("average_size") + (variation > 0 ? flow.faults().draws(toxic).spread("slice", variation) : 0);
    if (piece.size() <= Math.max(1, size)) {
      flow.advance(piece, done);
      return;
    }
    long delay = TimeUnit.MICROSECONDS.toNanos(toxic.attr("delay"));
    flow.advance(piece.splitFront(Math.max(1, size)),
        () -> flow.hold(toxic, piece, delay, done, () -> slice(flow, toxic, piece, done)));
  }

  /** Drops the data; the flow's timer closes the connection {@code timeout} ms after the last chunk. */
  private static void timeout(Flow flow, ActiveToxic toxic, Piece piece, Runnable done) {
    piece.release();
    flow.rearmTimeout(toxic);
    done.run();
  }

  /** Drops the data and resets the connection {@code timeout} ms after the first chunk. */
  private static void resetPeer(Flow flow, ActiveToxic toxic, Piece piece, Runnable done) {
    long timeout = TimeUnit.MILLISECONDS.toNanos(toxic.attr("timeout"));
    flow.hold(toxic, piece, timeout, done, () -> {
      piece.release();
      flow.connection().reset();
    });
  }

  /** Lets {@code bytes} through per connection and stream, then closes the connection. */
  private static void limitData(Flow flow, ActiveToxic toxic, Piece piece, Runnable done) {
    long limit = toxic.attr("bytes");
    long sent = flow.faults().bytesThrough(toxic.name());
    if (sent >= limit) {
      piece.release();
      flow.connection().close();
      return;
    }
    piece.truncate(limit - sent);
    long total = sent + piece.size();
    flow.faults().bytesThrough(toxic.name(), total);
    flow.advance(piece, total >= limit ? () -> flow.connection().close() : done);
  }
}
