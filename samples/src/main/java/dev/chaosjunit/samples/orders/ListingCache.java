package dev.chaosjunit.samples.orders;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
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

/**
 * Order listings cached in Redis as JSON, per user. Commands time out after 500 ms (connecting and
 * its handshake after 2 s); commands issued while disconnected are rejected at once instead of
 * queued, so a dead cache fails fast; reconnects are retried at most 500 ms apart, so the cache is
 * back soon after an outage. Every failure is a {@link DependencyFailure}; whether to fall back is the caller's decision.
 */
final class ListingCache implements AutoCloseable {

  static final String DEPENDENCY = "cache";
  static final Duration TTL = Duration.ofMinutes(10);
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final Duration HANDSHAKE = Duration.ofSeconds(2);
  private static final Duration RECONNECT_MAX = Duration.ofMillis(500);

  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  ListingCache(String uri) {
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
    return Optional.ofNullable(call("GET", () -> commands().get(key(userId))));
  }

  void put(String userId, String json) {
    call("SET", () -> commands().set(key(userId), json, SetArgs.Builder.ex(TTL)));
  }

  void evict(String userId) {
    call("DEL", () -> commands().del(key(userId)));
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    resources.shutdown(0, 1, TimeUnit.SECONDS);
  }

  private RedisCommands<String, String> commands() {
    return connection.sync();
  }

  private static String key(String userId) {
    return "orders:" + userId;
  }

  private static <T> T call(String command, java.util.function.Supplier<T> redisCall) {
    try {
      return redisCall.get();
    } catch (RuntimeException e) {
      throw new DependencyFailure(DEPENDENCY, command + " failed: " + e.getMessage(), e);
    }
  }
}
