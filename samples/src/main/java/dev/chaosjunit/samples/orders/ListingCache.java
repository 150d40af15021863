package dev.chaosjunit.samples.orders;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Order listings cached in Redis as JSON, per user. Commands time out after 500 ms (connecting and
 * its handshake after 2 s); commands issued while disconnected are rejected at once instead of
 * queued, so a dead cache fails fast; reconnects are retried at most 500 ms apart, so the cache is
 * back soon after an outage. Every failure is a {@link DependencyFailure}; whether to fall back is the caller's decision.
 * Lettuce keeps a connection whose commands time out (a frozen Redis, a link that passes nothing): when
 * wedged connections are dropped, a timeout (500 ms, a hundred times Redis' usual answer) closes it,
 * and the next command opens a new one.
 */
final class ListingCache implements AutoCloseable {

  static final String DEPENDENCY = "cache";
  static final Duration TTL = Duration.ofMinutes(10);
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final Duration HANDSHAKE = Duration.ofSeconds(2);
  private static final Duration RECONNECT_MAX = Duration.ofMillis(500);

  private final ClientResources resources;
  private final RedisClient client;
  private final boolean dropWedged;
  private StatefulRedisConnection<String, String> connection;

  ListingCache(String uri, boolean dropWedged) {
    this.dropWedged = dropWedged;
    RedisURI redisUri = RedisURI.create(uri);
    redisUri.setTimeout(HANDSHAKE);
    this.resources = ClientResources.builder().reconnectDelay(
        Delay.exponential(Duration.ofMillis(10), RECONNECT_MAX, 2, TimeUnit.MILLISECONDS)).build();
    this.client = RedisClient.create(resources, redisUri);
    client.setOptions(ClientOptions.builder()
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
        .build());
    this.connection = client.connect();
  }

  Optional<String> get(String userId) {
    return Optional.ofNullable(call("GET", redis -> redis.get(key(userId))));
  }

  void put(String userId, String json) {
    call("SET", redis -> redis.set(key(userId), json, SetArgs.Builder.ex(TTL)));
  }

  void evict(String userId) {
    call("DEL", redis -> redis.del(key(userId)));
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    resources.shutdown(0, 1, TimeUnit.SECONDS);
  }

  /** The open connection, or a new one after the last was dropped. */
  private synchronized RedisCommands<String, String> commands() {
    if (connection == null) {
      connection = client.connect();
    }
    return connection.sync();
  }

  private synchronized void dropConnection() {
    if (connection != null) {
      connection.closeAsync();
      connection = null;
    }
  }

  private static String key(String userId) {
    return "orders:" + userId;
  }

  private <T> T call(String command, Function<RedisCommands<String, String>, T> redisCall) {
    try {
      return redisCall.apply(commands());
    } catch (RuntimeException e) {
      if (e instanceof RedisCommandTimeoutException && dropWedged) {
        dropConnection();
      }
      throw new DependencyFailure(DEPENDENCY, command + " failed: " + e.getMessage(), e);
    }
  }
}
