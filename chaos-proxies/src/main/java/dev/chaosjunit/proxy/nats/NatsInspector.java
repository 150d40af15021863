package dev.chaosjunit.proxy.nats;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.rule.Glob;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * NATS (nats-server's client protocol). Upstream rules match {@code PUB} and {@code HPUB} by
 * {@code subject}; downstream rules match the deliveries {@code MSG} and {@code HMSG} by {@code subject}.
 * {@code subject} is a NATS subject pattern ({@code *} one token, a last {@code >} one or more, see
 * {@link Glob#natsSubject}). Actions: {@code ERROR} on a publish swallows it with its payload and sends the
 * client {@code -ERR 'Permissions Violation for Publish to "<subject>"'} (or {@code -ERR '<message>'}), the
 * connection staying open as with nats-server; {@code DELAY} holds the message back; {@code DROP} without a
 * mode drops the message alone with its payload (a verbose client gets the {@code +OK} the server would
 * have sent), with one closes, resets or blackholes the connection.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class NatsInspector implements ProtocolInspector {

  /** The protocol name. */
  public static final String NAME = "nats";

  static final String SUBJECT = "subject";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> matchKeys() {
    return Set.of(SUBJECT);
  }

  @Override
  public void validate(Rule rule) {
    new NatsRuleValidator(rule).validate();
  }

  /** Subjects match as nats-server matches subscriptions. */
  @Override
  public Glob glob(String key, String pattern) {
    return Glob.natsSubject(pattern);
  }

  @Override
  public InspectorSession open(ConnectionInfo connection) {
    return new NatsSession();
  }
}
