package dev.chaosjunit.proxy.redis;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.rule.Glob;
import dev.chaosjunit.fault.Rule;
import java.util.Set;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis (RESP2 and RESP3): match keys {@code command} (upper case) and {@code key} (every key position
 * of the command, e.g. all keys of {@code MGET} or {@code MSET}). Actions: {@code ERROR} sends
 * {@code -CODE message} ({@code code} is any prefix: READONLY, MOVED, OOM..., default ERR);
 * {@code RESPOND} sends {@code value} ({@code nil} by default: {@code $-1}, or {@code _} after
 * {@code HELLO 3}) as a bulk string, or as {@code type=simple|integer}; {@code DELAY} holds the command
 * back {@code ms}; {@code DROP} closes, resets or blackholes the connection. Pipelining, pub/sub, RESP3
 * pushes, MULTI/EXEC and blocking commands keep working; MONITOR, SYNC and CLIENT REPLY switch the
 * connection to plain relay.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RedisInspector implements ProtocolInspector {

  /** The protocol name. */
  public static final String NAME = "redis";

  static final Logger LOG = LoggerFactory.getLogger(RedisInspector.class);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> matchKeys() {
    return Set.of("command", "key");
  }

  @Override
  public void validate(Rule rule) {
    new RedisRuleValidator(rule).validate(matchKeys());
  }

  /** {@code command} matches case-insensitively; {@code key} is case-sensitive, like Redis keys. */
  @Override
  public Glob glob(String key, String pattern) {
    return Glob.compile(pattern, Glob.NO_SEPARATOR, key.equals("command"));
  }

  @Override
  public InspectorSession open(ConnectionInfo connection) {
    return new RedisSession();
  }
}
