package dev.chaosjunit.samples.orders;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Optional;

/**
 * Order listings cached in Redis as JSON, per user. Commands time out after 500 ms (connecting and
 * its handshake after 2 s), and commands
 * issued while disconnected are rejected at once instead of queued, so a dead cache fails fast.
 * Every failure is a {@link DependencyFailure}; whether to fall back is the caller's decision.
 */
final class ListingCache implements AutoCloseable {

  static final String DEPENDENCY = "cache";
  static final Duration TTL = Duration.ofMinutes(10);
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final Duration HANDSHAKE = Duration.ofSeconds(2);

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  ListingCache(String uri) {
    RedisURI redisUri = RedisURI.create(uri);
    redisUri.setTimeout(HANDSHAKE);
    this.client = RedisClient.create(redisUri);
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
