package dev.chaosjunit.proxy.kafka;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.rule.Glob;
import dev.chaosjunit.fault.Rule;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The Kafka protocol ({@code "kafka"}): decodes requests and responses with kafka-clients' own
 * protocol classes (all API versions, flexible ones included). One proxy fronts a whole cluster: it
 * opens one listener per broker ({@link dev.chaosjunit.proxy.Proxy#routes()}, key
 * {@code broker-<node id>}) and rewrites the broker addresses in Metadata, FindCoordinator and
 * DescribeCluster responses and in the leader hints of Produce and Fetch responses to them, so clients
 * bootstrapped through the proxy stay on it, on every broker and through leadership moves.
 *
 * <p>Match keys: {@code api} (e.g. {@code PRODUCE}, {@code FETCH}, {@code METADATA}), {@code topic}
 * (also where requests carry topic ids), {@code group}, {@code client_id}. Actions:
 * <ul>
 *   <li>{@code ERROR code=<Kafka error name> [message=...]}: the response a broker sends for
 *       that API and version with that error on the request's topic-partitions; with a {@code topic}
 *       match, only the matched topics fail (a Produce is split; a Fetch is forwarded unchanged and
 *       only the matched partitions' results are replaced, see the package description);</li>
 *   <li>{@code DELAY ms=...}: the request reaches the broker late (a {@code RESPONSE} rule delays the
 *       answer instead);</li>
 *   <li>{@code DROP [mode=timeout|close|reset|blackhole]}: by default the request gets no response and
 *       the client's request times out; responses to later requests wait behind it, as behind a stuck
 *       broker;</li>
 *   <li>{@code DUPLICATE}: the broker gets the request twice; the client sees one response.</li>
 * </ul>
 * A {@code RESPONSE} rule lets the broker do the work and changes what the client hears (error,
 * delay, or no answer). Requires {@code org.apache.kafka:kafka-clients} on the class path.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class KafkaInspector implements ProtocolInspector {

  /** The protocol name. */
  public static final String NAME = "kafka";

  private static final Set<String> MATCH_KEYS = Set.of("api", "topic", "group", "client_id");

  private volatile KafkaSessions sessions;

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
    KafkaClasspath.require();
    KafkaRules.validate(rule, MATCH_KEYS);
  }

  /**
   * {@code topic} globs split at {@code .} ({@code orders.*}, {@code orders.**}); {@code api} is matched
   * ignoring case; {@code group} and {@code client_id} without segments.
   */
  @Override
  public Glob glob(String key, String pattern) {
    return KafkaGlobs.compile(key, pattern);
  }

  @Override
  public InspectorSession open(ConnectionInfo connection) {
    return sessions().open(BrokerAddresses.of(connection));
  }

  private KafkaSessions sessions() {
    KafkaSessions current = sessions;
    if (current == null) {
      synchronized (this) {
        if (sessions == null) {
          KafkaClasspath.require();
          sessions = new KafkaSessions();
        }
        current = sessions;
      }
    }
    return current;
  }
}
