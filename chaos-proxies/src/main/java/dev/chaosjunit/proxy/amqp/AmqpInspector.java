package dev.chaosjunit.proxy.amqp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.rule.Glob;
import java.util.Set;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AMQP 0-9-1 (RabbitMQ). Upstream rules match {@code basic.publish} by {@code exchange} and
 * {@code routing_key}; downstream rules match {@code basic.deliver} by {@code exchange},
 * {@code routing_key} and {@code queue} (the queue of the delivery's consumer). {@code routing_key} is
 * an AMQP topic pattern ({@code *} one word, {@code #} zero or more, see {@link Glob#amqpTopic}),
 * {@code exchange} and {@code queue} plain globs. Actions: {@code ERROR} with a reply code closes the
 * channel (soft codes: 403, 404, 406...) or the connection (hard codes: 320, 541...) for the client, and
 * the broker's side of it too, swallowing the message's content; {@code DELAY} holds the message back;
 * {@code DROP} without a mode drops the message alone (method, header and body frames), with one closes,
 * resets or blackholes the connection; {@code RESPOND} with {@code confirm=nack} (publishes on a channel in
 * confirm mode) forwards the publish and turns the broker's {@code basic.ack} for it into {@code basic.nack}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AmqpInspector implements ProtocolInspector {

  /** The protocol name. */
  public static final String NAME = "amqp";

  static final String EXCHANGE = "exchange";
  static final String ROUTING_KEY = "routing_key";
  static final String QUEUE = "queue";
  static final Set<String> MATCH_KEYS = Set.of(EXCHANGE, ROUTING_KEY, QUEUE);
  static final Logger LOG = LoggerFactory.getLogger(AmqpInspector.class);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> matchKeys() {
    return MATCH_KEYS;
  }

  @Override
  public void validate(Rule rule) {
    new AmqpRuleValidator(rule).validate();
  }

  /** Routing keys match as a topic exchange matches them; exchange and queue names as plain globs. */
  @Override
  public Glob glob(String key, String pattern) {
    return key.equals(ROUTING_KEY) ? Glob.amqpTopic(pattern) : Glob.compile(pattern);
  }

  @Override
  public InspectorSession open(ConnectionInfo connection) {
    return new AmqpSession();
  }
}
