package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/** A Redis rule: match keys {@code command}, {@code key}; errors carry a prefix {@code code} and {@code message}. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RedisRule extends RuleBuilder<RedisRule> {

  RedisRule(String service) {
    super(service, "redis");
  }

  /** Matches commands by name, e.g. {@code SET}. */
  public RedisRule command(String commandGlob) {
    return match("command", commandGlob);
  }

  /** Matches commands touching a key that matches, e.g. {@code user:*}. */
  public RedisRule key(String keyGlob) {
    return match("key", keyGlob);
  }

  /** Answers {@code -<line>}; the first word is the prefix, e.g. {@code "READONLY You can't write..."}. */
  public Fault error(String line) {
    int space = line.indexOf(' ');
    return space < 0 ? error(line, "") : error(line.substring(0, space), line.substring(space + 1));
  }

  /** Answers {@code -<prefix> <message>}. */
  public Fault error(String prefix, String message) {
    return build(Action.Error.of(Checks.name(prefix, "Redis error prefix"), message));
  }

  /** Answers a nil reply instead of the server's. */
  public Fault respondNil() {
    return respond(Map.of("value", "nil"));
  }
}
