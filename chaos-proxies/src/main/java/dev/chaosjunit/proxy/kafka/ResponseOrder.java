package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.proxy.protocol.RelayPort;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The requests of one connection that still owe the client a response, oldest first. The server
 * answers the requests it saw in order; injected answers wait for their turn.
 */
final class ResponseOrder {

  private final ArrayDeque<InFlight> queue = new ArrayDeque<>();

  void add(InFlight entry) {
    queue.addLast(entry);
  }

  /**
   * The entry the server's next response answers.
   *
   * @throws KafkaDecodeException when the server answers a request the proxy does not know about
   */
  InFlight answeredBy(int correlationId) {
    for (InFlight entry : queue) {
      if (entry.awaitsServer()) {
        if (entry.correlationId != correlationId) {
          throw new KafkaDecodeException("server answered correlation id [" + correlationId
              + "] but the oldest request it has not answered has [" + entry.correlationId + "]");
        }
        return entry;
      }
    }
    throw new KafkaDecodeException("server answered correlation id [" + correlationId
        + "] but no request is waiting for an answer");
  }

  /** Sends every response that is due, in request order. */
  void flush(RelayPort port) {
    while (!queue.isEmpty() && queue.peekFirst().ready()) {
      queue.pollFirst().deliver(port);
    }
  }

  /** Sends every response known so far in request order, ready or not, and forgets all requests. */
  void deliverAll(RelayPort port) {
    while (!queue.isEmpty()) {
      queue.pollFirst().deliver(port);
    }
  }

  void release() {
    for (Iterator<InFlight> it = queue.iterator(); it.hasNext(); ) {
      it.next().release();
      it.remove();
    }
  }
}
