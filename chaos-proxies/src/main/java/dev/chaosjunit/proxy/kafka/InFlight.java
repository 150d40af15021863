package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.proxy.protocol.RelayPort;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * One request that expects a response, in the order the client sent it. Kafka clients require
 * responses in request order on a connection, so an entry's response goes out only once every
 * earlier entry's has.
 */
final class InFlight {

  /** What the proxy does with this request's response. */
  enum Fate {
    /** The server's response is relayed (maybe rewritten). */
    RELAY,
    /** The server answers a duplicate the client never sent: its response is discarded. */
    DISCARD,
    /** The client never gets an answer; later responses wait behind it, as behind a stuck broker. */
    WITHHOLD
  }

  final int correlationId;
  final RequestKind kind;
  private final Fate fate;
  private final Duration delay;
  private final UnaryOperator<ByteBuf> transform;
  private boolean awaitsServer;
  private ByteBuf response;

  private InFlight(int correlationId, RequestKind kind, Fate fate, boolean sentToServer, Duration delay) {
    this(correlationId, kind, fate, sentToServer, delay, UnaryOperator.identity());
  }

  private InFlight(int correlationId, RequestKind kind, Fate fate, boolean sentToServer, Duration delay,
      UnaryOperator<ByteBuf> transform) {
    this.correlationId = correlationId;
    this.kind = kind;
    this.fate = fate;
    this.awaitsServer = sentToServer;
    this.delay = delay;
    this.transform = transform;
  }

  /** A request forwarded to the server whose answer is relayed changed by {@code transform}. */
  static InFlight transformed(int correlationId, RequestKind kind, UnaryOperator<ByteBuf> transform) {
    return new InFlight(correlationId, kind, Fate.RELAY, true, Duration.ZERO, transform);
  }

  /** A request forwarded to the server whose answer is relayed after {@code delay}. */
  static InFlight relayed(int correlationId, RequestKind kind, Duration delay) {
    return new InFlight(correlationId, kind, Fate.RELAY, true, delay);
  }

  /** A request answered by the proxy with {@code response} (taking ownership), after {@code delay}. */
  static InFlight answered(int correlationId, RequestKind kind, ByteBuf response, Duration delay) {
    InFlight entry = new InFlight(correlationId, kind, Fate.RELAY, false, delay);
    entry.response = response;
    return entry;
  }

  /** A request forwarded to the server whose answer is replaced by {@code response} (taking ownership). */
  static InFlight replaced(int correlationId, RequestKind kind, ByteBuf response) {
    InFlight entry = new InFlight(correlationId, kind, Fate.DISCARD, true, Duration.ZERO);
    entry.response = response;
    return entry;
  }

  /** A copy of a request sent to the server whose answer nobody waits for. */
  static InFlight duplicate(int correlationId, RequestKind kind) {
    return new InFlight(correlationId, kind, Fate.DISCARD, true, Duration.ZERO);
  }

  /** A request that never gets an answer, whether the server saw it or not. */
  static InFlight withheld(int correlationId, RequestKind kind, boolean sentToServer) {
    return new InFlight(correlationId, kind, Fate.WITHHOLD, sentToServer, Duration.ZERO);
  }

  /** Whether this entry still waits for the server's response. */
  boolean awaitsServer() {
    return awaitsServer;
  }

  /**
   * Records the server's response for this entry (taking ownership). When it cannot be transformed, it
   * is kept as it is and the {@link KafkaDecodeException} rethrown.
   */
  void complete(ByteBuf serverResponse) {
    awaitsServer = false;
    if (fate != Fate.RELAY) {
      serverResponse.release();
      return;
    }
    try {
      response = transform.apply(serverResponse);
    } catch (KafkaDecodeException e) {
      response = serverResponse;
      throw e;
    }
  }

  /** Whether the entry can leave the queue: its answer (if any) is known and it is not withheld. */
  boolean ready() {
    return !awaitsServer && fate != Fate.WITHHOLD;
  }

  /** Sends what this entry owes the client, if anything. */
  void deliver(RelayPort port) {
    if (response != null) {
      if (delay.isZero()) {
        port.toClient(response);
      } else {
        port.toClient(response, delay);
      }
      response = null;
    }
  }

  void release() {
    if (response != null) {
      response.release();
      response = null;
    }
  }
}
