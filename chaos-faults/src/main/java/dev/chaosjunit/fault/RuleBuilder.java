package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The common part of every protocol rule builder: matchers and limits are set first, then an action
 * method ends the build and returns the {@link Fault}. Builders are mutable and single-use.
 *
 * @param <B> the concrete builder
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class RuleBuilder<B extends RuleBuilder<B>> {

  private final String service;
  private final String protocol;
  private final Map<String, String> match = new LinkedHashMap<>();
  private Direction direction = Direction.UPSTREAM;
  private double probability = 1.0;
  private long after;
  private long times;

  RuleBuilder(String service, String protocol) {
    this.service = service;
    this.protocol = protocol;
  }

  /** Fires for each matching message with this probability (0..1, seeded); 1 by default. */
  public B probability(double probability) {
    this.probability = Checks.probability(probability, "probability");
    return self();
  }

  /** Lets the first {@code count} matching messages pass. */
  public B after(long count) {
    this.after = Checks.nonNegative(count, "after");
    return self();
  }

  /** Fires at most {@code count} times; 0 = unlimited (the default). */
  public B times(long count) {
    this.times = Checks.nonNegative(count, "times");
    return self();
  }

  /** Looks at server-to-client messages instead of requests. */
  public B onResponses() {
    this.direction = Direction.DOWNSTREAM;
    return self();
  }

  /** Holds each matching message back for {@code delay}. */
  public Fault delay(Duration delay) {
    return build(new Action.Delay(delay));
  }

  /**
   * Drops each matching message the protocol's own way: Kafka sends no response (the client times
   * out), gRPC cancels that call (RST_STREAM), AMQP drops the message alone (with its content frames),
   * the others close the connection.
   */
  public Fault drop() {
    return build(new Action.Drop(null));
  }

  /** Drops each matching message as {@code mode} says; the protocol rejects modes it has no meaning for. */
  public Fault drop(DropMode mode) {
    if (mode == null) {
      throw new IllegalArgumentException("drop mode must not be null: use drop() for the protocol's own way");
    }
    return build(new Action.Drop(mode));
  }

  /** Answers each matching message with a canned reply described by protocol-specific parameters. */
  public Fault respond(Map<String, String> params) {
    return build(new Action.Respond(params));
  }

  /** Adds a match key and its glob. */
  B match(String key, String glob) {
    match.put(Checks.name(key, "match key"), Checks.name(glob, "glob for [" + key + "]"));
    return self();
  }

  /** Ends the build with an action. */
  Fault build(Action action) {
    return Fault.of(service, new Rule(null, protocol, direction, match, action, probability, after, times));
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
