package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.ToxicType;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.List;

/**
 * One direction of a connection: an ordered outbox of chunks that go one at a time through the
 * stream's toxics to the sink; the source is read again when the outbox is empty and the sink is
 * writable (below its write-buffer high-water mark), so reads overlap writes while memory stays
 * bounded (backpressure). An end or close waits for the writes before it. Runs on the connection's
 * event loop only.
 */
final class Flow {

  static final long FOREVER = Long.MAX_VALUE;
  /** Bytes read ahead while a latency toxic holds a chunk, so that latency pipelines like Toxiproxy's. */
  private static final long READ_AHEAD_BYTES = 4 << 20;

  final Direction stream;
  private final Connection connection;
  private final Channel source;
  private final Channel sink;
  private final FlowFaults faults;
  private final Outbox outbox = new Outbox();
  private final TimeoutTimers timeouts;
  /** Continues with the next queued item; a write may run it before completing, while the sink is writable. */
  private final Runnable next = this::itemDone;
  private Hold hold;
  private ChannelFuture lastWrite;
  private Runnable whenWritable;
  private boolean busy;
  private boolean pumping;
  private boolean readPending;
  /** Within a read batch of the source: writes wait for {@link #flushBatch} instead of flushing each. */
  private boolean batching;
  private boolean unflushed;
  private boolean ended;

  Flow(Direction stream, Connection connection, Channel source, Channel sink) {
    this.stream = stream;
    this.connection = connection;
    this.source = source;
    this.sink = sink;
    this.faults = new FlowFaults(connection, stream);
    this.timeouts = new TimeoutTimers(this);
  }

  /** Queues bytes for the sink, after everything queued before, not before {@code notBefore} (nanoTime, 0 = now). */
  void enqueue(ByteBuf data, long notBefore) {
    outbox.add(Outgoing.Kind.DATA, data, notBefore);
    pump();
  }

  /** Queues the end of the stream (half-close of the sink) after the data queued so far. */
  void enqueueEnd(Outgoing.Kind kind) {
    outbox.add(kind, null, 0);
    pump();
  }

  /** A chunk of the source's current read batch comes: writes until the batch ends go out in one flush. */
  void batchStarted() {
    batching = true;
  }

  /** The source's read batch ended: flushes what it wrote. */
  void flushBatch() {
    batching = false;
    if (unflushed) {
      unflushed = false;
      sink.flush();
    }
  }

  /** Whether this flow asked its source for the next chunk and has not had it yet. */
  boolean readRequested() {
    return readPending;
  }

  /** Called after a chunk from the source was handled: reads the next one when the outbox is idle. */
  void chunkRead() {
    readPending = false;
    readAheadIfLatency();
    pump();
  }

  void start() {
    timeouts.sync();
    pump();
  }

  /**
   * The toxics changed: forgets the state of removed ones, re-evaluates what a changed or removed toxic holds,
   * re-arms timeouts.
   */
  void toxicsChanged() {
    timeouts.sync();
    faults.forgetRemoved();
    if (hold != null && hold.toxic() != null
        && connection.toxics().current(stream, hold.toxic().name()) != hold.toxic()) {
      Hold changed = hold;
      hold = null;
      changed.cancel();
      changed.onChange().run();
    }
  }

  private void readAheadIfLatency() {
    if (busy && hold != null && hold.toxic() != null && hold.toxic().type() == ToxicType.LATENCY
        && outbox.bytes() < READ_AHEAD_BYTES) {
      readSource();
    }
  }

  /** Sends queued items until one is in progress; not re-entrant (a nested call leaves it to the loop). */
  private void pump() {
    if (pumping) {
      return;
    }
    pumping = true;
    try {
      pumpItems();
    } finally {
      pumping = false;
    }
  }

  private void pumpItems() {
    while (!busy && !ended && !connection.isClosed()) {
      Outgoing item = outbox.poll();
      if (item == null) {
        readSource();
        return;
      }
      busy = true;
      long wait = item.notBefore() == 0 ? 0 : item.notBefore() - System.nanoTime();
      if (wait > 0) {
        Piece piece = item.data() == null ? null : Piece.of(item.data(), item.queuedAt());
        hold = new Hold(null, piece, null, schedule(wait, () -> process(item)));
      } else {
        process(item);
      }
    }
  }

  private void process(Outgoing item) {
    hold = null;
    switch (item.kind()) {
      case DATA -> advance(Piece.of(item.data(), Math.max(item.queuedAt(), item.notBefore())), next);
      case END -> afterWrites(this::end);
      case CLOSE -> afterWrites(connection::close);
    }
  }

  /** Runs {@code action} once everything written to the sink so far has been sent. */
  private void afterWrites(Runnable action) {
    if (lastWrite == null || lastWrite.isDone()) {
      action.run();
    } else {
      lastWrite.addListener(f -> action.run());
    }
  }

  private void itemDone() {
    busy = false;
    pump();
  }

  /** Sends a piece through the toxics it has not passed yet, then to the sink; runs {@code done} after. */
  void advance(Piece piece, Runnable done) {
    if (connection.isClosed()) {
      piece.release();
      return;
    }
    ActiveToxic toxic = connection.toxics().next(stream, piece.passed());
    if (toxic == null) {
      write(piece, done);
      return;
    }
    piece.pass(toxic.name());
    if (faults.applies(toxic)) {
      faults.fired(toxic);
      ToxicEffects.apply(this, toxic, piece, done);
    } else {
      toxic.counter.seen();
      advance(piece, done);
    }
  }

  /**
   * Holds a piece for {@code nanos} (or {@link #FOREVER}) on behalf of a toxic, then runs {@code then}.
   * If the toxic changes or goes away meanwhile, the piece goes on through the current chain instead.
   */
  void hold(ActiveToxic toxic, Piece piece, long nanos, Runnable done, Runnable then) {
    holdWith(toxic, piece, nanos, () -> {
      piece.unpass(toxic.name());
      advance(piece, done);
    }, then);
  }

  private void holdWith(ActiveToxic toxic, Piece piece, long nanos, Runnable onChange, Runnable then) {
    if (nanos <= 0 && then != null) {
      then.run();
      return;
    }
    ScheduledFuture<?> timer = nanos == FOREVER ? null : schedule(nanos, () -> {
      hold = null;
      then.run();
    });
    hold = new Hold(toxic, piece, onChange, timer);
    readAheadIfLatency();
  }

  private void write(Piece piece, Runnable done) {
    if (piece.size() == 0) {
      piece.release();
      done.run();
      return;
    }
    boolean early = done == next;
    if (batching) {
      lastWrite = sink.write(piece.data);
      unflushed = true;
    } else {
      lastWrite = sink.writeAndFlush(piece.data);
    }
    lastWrite.addListener(f -> {
      if (!f.isSuccess()) {
        connection.abort("write to " + stream.wireName() + " failed", f.cause());
      } else if (early) {
        sinkWritabilityChanged();
      } else {
        done.run();
      }
    });
    if (early) {
      whenWritable = done;
      sinkWritabilityChanged();
    }
  }

  /**
   * The sink's writability may have changed: runs what waits for it once the sink is writable. Only the
   * continuation to the next queued item waits this way; toxics' own continuations wait for the write.
   */
  void sinkWritabilityChanged() {
    if (whenWritable != null && sink.isWritable() && !connection.isClosed()) {
      Runnable waiting = whenWritable;
      whenWritable = null;
      waiting.run();
    }
  }

  private void end() {
    ActiveToxic slowClose = faults.firstApplying(ToxicType.SLOW_CLOSE);
    if (slowClose != null && slowClose.attr("delay") > 0) {
      faults.fired(slowClose);
      Piece marker = Piece.of(sink.alloc().buffer(0), System.nanoTime());
      long delay = TimeUnit.MILLISECONDS.toNanos(slowClose.attr("delay"));
      holdWith(slowClose, marker, delay, () -> {
        marker.release();
        end();
      }, () -> {
        marker.release();
        shutdownSink();
      });
      return;
    }
    shutdownSink();
  }

  private void shutdownSink() {
    ended = true;
    ((DuplexChannel) sink).shutdownOutput().addListener(f -> connection.flowEnded());
  }

  private void readSource() {
    if (!readPending && source.isActive() && !((DuplexChannel) source).isInputShutdown()) {
      readPending = true;
      source.read();
    }
  }

  /** Adds what faults no longer in place left in this direction: bytes held, a toxic's state. */
  void residue(List<String> left) {
    String where = stream.wireName() + ": ";
    if (hold != null && hold.toxic() == null) {
      left.add(where + "a write a rule delayed is still waiting");
    } else if (hold != null && connection.toxics().current(stream, hold.toxic().name()) != hold.toxic()) {
      left.add(where + "bytes held by removed toxic '" + hold.toxic().name() + "'");
    }
    faults.stale().forEach(toxic -> left.add(where + "state of removed toxic '" + toxic + "'"));
  }

  ScheduledFuture<?> schedule(long nanos, Runnable task) {
    return source.eventLoop().schedule(task, nanos, TimeUnit.NANOSECONDS);
  }

  boolean ended() {
    return ended;
  }

  Connection connection() {
    return connection;
  }

  FlowFaults faults() {
    return faults;
  }

  void rearmTimeout(ActiveToxic toxic) {
    timeouts.rearm(toxic);
  }

  /** Frees what is queued and held; the connection is closing. */
  void release() {
    if (hold != null) {
      hold.cancel();
      if (hold.piece() != null) {
        hold.piece().release();
      }
      hold = null;
    }
    timeouts.cancelAll();
    outbox.releaseAll();
  }
}
