package dev.chaosjunit.proxy.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.proxy.rule.Glob;
import dev.chaosjunit.fault.Rule;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A protocol that the proxy understands well enough to decode traffic as it passes and to inject
 * protocol-correct faults.
 *
 * <p>One instance per protocol (stateless, thread-safe); it opens one {@link InspectorSession} per
 * proxied connection. Inspectors are found by {@link #name()} (e.g. {@code "postgres"}, {@code "redis"}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ProtocolInspector {

  /** The protocol name used in proxy definitions and the admin API, lower case, e.g. {@code "postgres"}. */
  String name();

  /** The match keys this protocol's messages expose (e.g. {@code "sql"}, {@code "command"}, {@code "key"}). */
  Set<String> matchKeys();

  /**
   * Checks that a rule makes sense for this protocol: its match keys exist and its action's parameters
   * can be encoded (e.g. a SQLSTATE of five characters).
   *
   * @throws IllegalArgumentException naming the offending element and how to fix it
   */
  void validate(Rule rule);

  /**
   * Compiles a rule's pattern for one of {@link #matchKeys()}, with that key's separator and case
   * rules (e.g. Kafka topics split at {@code .}, SQL matched case-insensitively). The default is a
   * case-sensitive {@link Glob} without segments.
   */
  default Glob glob(String key, String pattern) {
    return Glob.compile(pattern);
  }

  /**
   * The key under which this protocol files a match key's values in {@link
   * dev.chaosjunit.proxy.rule.MessageFacts}: the identity by default; HTTP lower-cases header names,
   * so {@code header.Retry-After} and {@code header.retry-after} name the same fact.
   */
  default String factKey(String matchKey) {
    return matchKey;
  }

  /** Opens the decoding state for one client connection. */
  InspectorSession open(ConnectionInfo connection);
}
