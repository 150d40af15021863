package dev.chaosjunit.proxy.rule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a rule does to a message it matches. The parameters are protocol-specific and validated by the
 * protocol's inspector; the common ones are:
 * <ul>
 *   <li>{@code ERROR}: {@code code} (SQLSTATE, MySQL error number, Redis prefix, HTTP status, Kafka
 *       error name, gRPC status), {@code message}, plus protocol extras (e.g. {@code sqlstate} for
 *       MySQL, {@code header.Retry-After} for HTTP).</li>
 *   <li>{@code DELAY}: {@code ms}.</li>
 *   <li>{@code DROP}: {@code mode} = {@code close} (default), {@code reset} or {@code blackhole}.</li>
 *   <li>{@code RESPOND}: a canned reply, e.g. {@code value=nil} for Redis, {@code status}/{@code body}
 *       for HTTP.</li>
 *   <li>{@code DUPLICATE}: send the request twice (Kafka produce).</li>
 * </ul>
 *
 * @param type the kind of action
 * @param params its parameters, in a stable order
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ActionSpec(Type type, Map<String, String> params) {

  /** The kinds of action. */
  public enum Type { ERROR, DELAY, DROP, RESPOND, DUPLICATE }

  public ActionSpec {
    params = Map.copyOf(params);
  }

  /** A parameter, if present. */
  public Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name));
  }

  /** The delay of a {@code DELAY} action ({@code ms}, default 0). */
  public Duration delay() {
    return Duration.ofMillis(Long.parseLong(params.getOrDefault("ms", "0")));
  }
}
