package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A NATS rule: publishes ({@code PUB}, {@code HPUB}) match {@code subject}; with {@link #onResponses()},
 * deliveries ({@code MSG}, {@code HMSG}) do. {@link #permissionsViolation()} refuses a publish as
 * nats-server does; {@link #drop()} drops the message alone with its payload; {@code drop(DropMode.CLOSE)}
 * disconnects the client.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class NatsRule extends RuleBuilder<NatsRule> {

  NatsRule(String service) {
    super(service, "nats");
  }

  /**
   * Matches messages by subject as nats-server matches subscriptions: tokens divided by {@code .},
   * {@code *} exactly one token, a last {@code >} one or more tokens, e.g. {@code orders.>}.
   */
  public NatsRule subject(String subjectPattern) {
    return match("subject", subjectPattern);
  }

  /**
   * Refuses each matching publish as nats-server does when the user may not publish to the subject: the
   * publish and its payload go nowhere, the client gets
   * {@code -ERR 'Permissions Violation for Publish to "<subject>"'} and the connection stays open.
   */
  public Fault permissionsViolation() {
    return build(Action.Error.of("", ""));
  }
}
