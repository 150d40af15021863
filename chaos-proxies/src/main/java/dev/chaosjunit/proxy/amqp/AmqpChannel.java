package dev.chaosjunit.proxy.amqp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the session knows about one channel: content being dropped each way, closes the proxy made
 * (each peer's frames on the channel are discarded until it answers with {@code close-ok}, which is
 * hidden from the other peer), which queue each consumer tag consumes from, and its publisher confirms.
 */
final class AmqpChannel {

  final ContentSkip fromClient = new ContentSkip();
  final ContentSkip fromServer = new ContentSkip();
  final Confirms confirms = new Confirms();
  /** The proxy sent the client {@code channel.close} and waits for its {@code close-ok}. */
  boolean clientClosing;
  /** The proxy sent the broker {@code channel.close} and waits for its {@code close-ok}. */
  boolean serverClosing;
  private final Deque<String> consumesAwaitingTag = new ArrayDeque<>();
  private final Map<String, String> queueByTag = new HashMap<>();

  /** A {@code basic.consume}: with a tag the client chose it is known now, else {@code consume-ok} names it. */
  void consume(String queue, String tag, boolean noWait) {
    if (noWait) {
      queueByTag.put(tag, queue);
    } else {
      consumesAwaitingTag.add(queue);
    }
  }

  /** A {@code basic.consume-ok}: the tag of the oldest consume still waiting. */
  void consumeOk(String tag) {
    String queue = consumesAwaitingTag.poll();
    if (queue != null) {
      queueByTag.put(tag, queue);
    }
  }

  void cancelled(String tag) {
    queueByTag.remove(tag);
  }

  Optional<String> queue(String consumerTag) {
    return Optional.ofNullable(queueByTag.get(consumerTag));
  }
}
