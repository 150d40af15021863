package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** A Kafka rule: match keys {@code api}, {@code topic}, {@code group}, {@code client_id}; errors carry a Kafka error name {@code code}. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class KafkaRule extends RuleBuilder<KafkaRule> {

  KafkaRule(String service) {
    super(service, "kafka");
  }

  /** Matches requests by API name, e.g. {@code Produce}, {@code Fetch}. */
  public KafkaRule api(String apiGlob) {
    return match("api", apiGlob);
  }

  /** Matches requests touching a topic that matches. */
  public KafkaRule topic(String topicGlob) {
    return match("topic", topicGlob);
  }

  /** Matches requests of a consumer group that matches. */
  public KafkaRule group(String groupGlob) {
    return match("group", groupGlob);
  }

  /** Matches requests from a client id that matches. */
  public KafkaRule clientId(String clientIdGlob) {
    return match("client_id", clientIdGlob);
  }

  /** Answers with the request's response carrying the error, e.g. {@code NOT_LEADER_OR_FOLLOWER}. */
  public Fault error(String errorName) {
    return build(Action.Error.of(Checks.name(errorName, "Kafka error name"), ""));
  }

  /** Sends each matching request twice (e.g. a duplicated produce). */
  public Fault duplicate() {
    return build(new Action.Duplicate());
  }
}
