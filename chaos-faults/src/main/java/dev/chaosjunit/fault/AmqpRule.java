package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * An AMQP 0-9-1 (RabbitMQ) rule: publishes match {@code exchange} and {@code routing_key}; deliveries
 * ({@link #onResponses()}) also {@code queue}. Errors carry a reply code {@code code} and reply text
 * {@code message}; {@link #drop()} drops the message alone; {@link #nack()} nacks a confirmed publish.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AmqpRule extends RuleBuilder<AmqpRule> {

  AmqpRule(String service) {
    super(service, "amqp");
  }

  /** Matches messages published to (or delivered from) an exchange whose name matches the glob. */
  public AmqpRule exchange(String exchangeGlob) {
    return match("exchange", exchangeGlob);
  }

  /**
   * Matches messages by routing key as a topic exchange matches a binding key: words divided by
   * {@code .}, {@code *} exactly one word, {@code #} zero or more words, e.g. {@code order.*}.
   */
  public AmqpRule routingKey(String topicPattern) {
    return match("routing_key", topicPattern);
  }

  /** Matches deliveries to consumers of a queue whose name matches the glob; needs {@link #onResponses()}. */
  public AmqpRule queue(String queueGlob) {
    return match("queue", queueGlob);
  }

  /**
   * Closes the message's channel as the broker does on a soft error: the client gets {@code channel.close}
   * with {@code replyCode} (e.g. 404 NOT_FOUND, 403 ACCESS_REFUSED, 406 PRECONDITION_FAILED) and
   * {@code replyText}; the message goes nowhere; the connection's other channels go on.
   *
   * @throws IllegalArgumentException when {@code replyCode} is no soft error code
   */
  public Fault closeChannel(int replyCode, String replyText) {
    return close(replyCode, replyText, false);
  }

  /**
   * Closes the connection as the broker does on a hard error: the client gets {@code connection.close}
   * with {@code replyCode} (e.g. 320 CONNECTION_FORCED, 541 INTERNAL_ERROR) and {@code replyText}.
   *
   * @throws IllegalArgumentException when {@code replyCode} is no hard error code
   */
  public Fault closeConnection(int replyCode, String replyText) {
    return close(replyCode, replyText, true);
  }

  /**
   * Lets each matching publish reach the broker and turns the broker's publisher confirm for it into
   * {@code basic.nack} (a {@code multiple} ack that covers it is split), as a broker that could not take
   * responsibility for the message: a confirm listener sees the nack. Publishes on channels without
   * confirms pass unchanged.
   */
  public Fault nack() {
    return respond(Map.of("confirm", "nack"));
  }

  private Fault close(int replyCode, String replyText, boolean connection) {
    boolean fits = AmqpReplyCode.of(Integer.toString(replyCode)).filter(c -> c.closesConnection() == connection).isPresent();
    if (!fits) {
      throw new IllegalArgumentException("AMQP reply code [" + replyCode + "] does not close a "
          + (connection ? "connection" : "channel") + ": use one of " + AmqpReplyCode.listing(connection)
          + (connection ? ", or closeChannel for " : ", or closeConnection for ") + AmqpReplyCode.listing(!connection));
    }
    return build(Action.Error.of(Integer.toString(replyCode), replyText));
  }
}
