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
  private Stream stream = Stream.UPSTREAM;
  private double probability = 1.0;
  private long after;
  private long times;

  RuleBuilder(String service, String protocol) {
    this.service = service;
    this.protocol = protocol;
  }

  /** Fires for each matching message with this probability (0..1, seeded); 1 by default. */
  public B probability(double probability) {
    this.probability = Fault.requireProbability(probability, "probability");
    return self();
  }

  /** Lets the first {@code count} matching messages pass. */
  public B after(long count) {
    this.after = Fault.requireNonNegative(count, "after");
    return self();
  }

  /** Fires at most {@code count} times; 0 = unlimited (the default). */
  public B times(long count) {
    this.times = Fault.requireNonNegative(count, "times");
    return self();
  }

  /** Looks at server-to-client messages instead of requests. */
  public B onResponses() {
    this.stream = Stream.DOWNSTREAM;
    return self();
  }

  /** Holds each matching message back for {@code delay}. */
  public Fault delay(Duration delay) {
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("delay must be a non-negative duration, was [" + delay + "]");
    }
    return build(RuleAction.DELAY, Map.of("ms", Long.toString(delay.toMillis())));
  }

  /**
   * Drops each matching message the protocol's own way: Kafka sends no response (the client times
   * out), gRPC cancels that call (RST_STREAM), the others close the connection.
   */
  public Fault drop() {
    return build(RuleAction.DROP, Map.of());
  }

  /** Drops each matching message as {@code mode} says. */
  public Fault drop(DropMode mode) {
    return build(RuleAction.DROP, Map.of("mode", mode.param()));
  }

  /** Answers each matching message with a canned reply described by protocol-specific parameters. */
  public Fault respond(Map<String, String> params) {
    return build(RuleAction.RESPOND, params);
  }

  /** Adds a match key and its glob. */
  protected B match(String key, String glob) {
    match.put(Fault.requireName(key, "match key"), Fault.requireName(glob, "glob for [" + key + "]"));
    return self();
  }

  /** Ends the build with an action and its parameters. */
  protected Fault build(RuleAction action, Map<String, String> params) {
    return Fault.of(new Rule(service, protocol, stream, match, action, params, probability, after, times));
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
