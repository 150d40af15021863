package dev.chaosjunit.spring;

import dev.chaosjunit.junit.ProxyEndpoint;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails.Standalone;
import org.springframework.boot.ssl.SslBundle;

/**
 * Redis details of a standalone server: its host and port become the proxy's. Sentinel, cluster and
 * master/replica topologies name several nodes that redirect clients on their own; they stay as they are.
 */
final class RedisRedirect extends ProxiedConnectionDetails.Redirect<DataRedisConnectionDetails> {

  RedisRedirect() {
    super(DataRedisConnectionDetails.class);
  }

  @Override
  ConnectionDetails apply(DataRedisConnectionDetails redis, Upstreams upstreams) {
    Standalone standalone = redis.getStandalone();
    if (standalone == null || redis.getSentinel() != null || redis.getCluster() != null) {
      return redis;
    }
    return upstreams.proxyOf(standalone.getHost(), standalone.getPort())
        .<ConnectionDetails>map(proxy -> new Proxied(redis, proxied(proxy, standalone.getDatabase()))).orElse(redis);
  }

  private static Standalone proxied(ProxyEndpoint proxy, int database) {
    return Standalone.of(proxy.host(), proxy.port(), database);
  }

  private record Proxied(DataRedisConnectionDetails original, Standalone standalone)
      implements DataRedisConnectionDetails {

    @Override
    public @Nullable String getUsername() {
      return original.getUsername();
    }

    @Override
    public @Nullable String getPassword() {
      return original.getPassword();
    }

    @Override
    public @Nullable SslBundle getSslBundle() {
      return original.getSslBundle();
    }

    @Override
    public Standalone getStandalone() {
      return standalone;
    }
  }
}
