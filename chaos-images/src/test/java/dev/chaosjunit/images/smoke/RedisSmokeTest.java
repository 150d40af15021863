package dev.chaosjunit.images.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.images.Images;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import redis.clients.jedis.Jedis;

/** Redis through Testcontainers, one write and one read with Jedis. */
class RedisSmokeTest {

  @Test
  void setThenGetWithJedis() {
    try (GenericContainer<?> redis = new GenericContainer<>(Images.redis()).withExposedPorts(6379)
        .withStartupTimeout(Startup.TIMEOUT)) {
      redis.start();
      try (Jedis jedis = new Jedis(redis.getHost(), redis.getMappedPort(6379))) {
        jedis.set("smoke", "redis-ok");
        assertThat(jedis.get("smoke")).isEqualTo("redis-ok");
      }
    }
  }
}
