package dev.chaosjunit.proxy.amqp;

import dev.chaosjunit.proxy.rule.MessageFacts;
import io.netty.buffer.ByteBuf;

/** The matchable facts of the two methods that carry messages: {@code basic.publish} and {@code basic.deliver}. */
final class MessageMethods {

  private MessageMethods() {}

  /** A publish's exchange and routing key (after its reserved short). */
  static MessageFacts publish(AmqpFrame frame, ByteBuf buf) {
    MethodArgs args = frame.args(buf).skip(2);
    return MessageFacts.of(AmqpInspector.NAME).put(AmqpInspector.EXCHANGE, args.shortString())
        .put(AmqpInspector.ROUTING_KEY, args.shortString()).build();
  }

  /** A delivery's exchange and routing key, and the queue its consumer tag consumes from when known. */
  static MessageFacts deliver(AmqpFrame frame, ByteBuf buf, AmqpChannel channel) {
    MethodArgs args = frame.args(buf);
    String tag = args.shortString();
    args.skip(9);
    MessageFacts.Builder facts = MessageFacts.of(AmqpInspector.NAME)
        .put(AmqpInspector.EXCHANGE, args.shortString()).put(AmqpInspector.ROUTING_KEY, args.shortString());
    channel.queue(tag).ifPresent(queue -> facts.put(AmqpInspector.QUEUE, queue));
    return facts.build();
  }
}
