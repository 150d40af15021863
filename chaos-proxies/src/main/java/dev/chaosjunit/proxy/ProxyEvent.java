package dev.chaosjunit.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import org.apiguardian.api.API;

/** Something that happened in a proxy. Listeners get events on the engine's threads: keep them quick. */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface ProxyEvent {

  /** When it happened. */
  Instant time();

  /** The proxy it happened in. */
  String proxy();

  /** Kinds of fault. */
  enum FaultKind { TOXIC, RULE }

  /** A client connected and its upstream connection is established. */
  record ConnectionOpened(Instant time, String proxy, long connectionId, String client) implements ProxyEvent {}

  /** A connection ended, with the bytes relayed client to server (upstream) and back (downstream). */
  record ConnectionClosed(Instant time, String proxy, long connectionId, long bytesUpstream, long bytesDownstream)
      implements ProxyEvent {}

  /** The upstream refused or timed out; the client connection was closed. */
  record UpstreamUnreachable(Instant time, String proxy, long connectionId, String upstream, String reason)
      implements ProxyEvent {}

  /** A proxy was enabled or disabled. */
  record ProxyStateChanged(Instant time, String proxy, boolean enabled) implements ProxyEvent {}

  /** A toxic or rule was added (or, for toxics, changed: {@code updated}). */
  record FaultAdded(Instant time, String proxy, FaultKind kind, String name, String description, boolean updated)
      implements ProxyEvent {}

  /** A toxic or rule was removed. */
  record FaultRemoved(Instant time, String proxy, FaultKind kind, String name) implements ProxyEvent {}

  /**
   * A fault acted. For a toxic: the first time it is applied on a connection and stream (not every chunk;
   * see {@link FaultCounters}). For a rule: every firing.
   *
   * @param action the toxic type or the rule's action type
   * @param matched what matched (a rule's facts), empty for toxics
   * @param firing for a rule, 1 for its first firing on the proxy, then 2, 3...; for a toxic, 1 for the first
   *     connection and stream it acted on, then 2, 3... (its chunks are counted in {@link FaultCounters})
   */
  record FaultFired(
      Instant time, String proxy, long connectionId, FaultKind kind, String name, String action, String matched,
      long firing) implements ProxyEvent {}

  /**
   * A fault drew a random decision: a rule's probability ({@code value} the draw in [0, 1); it fires when
   * below the probability), a toxic's toxicity per connection and stream (likewise), a latency jitter
   * (milliseconds added) or a slicer size (bytes). Draws derive from the seed the fault was added under,
   * its name and {@code ordinal}, so the same faults under the same seed draw the same values.
   *
   * @param draw {@code probability}, {@code toxicity}, {@code jitter} or {@code slice}
   * @param ordinal for a rule, the n-th message it matched since added; for a toxic, the n-th connection
   *     and stream it met since added
   */
  record FaultDrew(
      Instant time, String proxy, long connectionId, FaultKind kind, String name, String draw, long ordinal,
      double value) implements ProxyEvent {}
}
