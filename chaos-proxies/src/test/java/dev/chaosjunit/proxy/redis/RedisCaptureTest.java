package dev.chaosjunit.proxy.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.images.Images;
import dev.chaosjunit.proxy.testkit.CapturedSeeds;
import dev.chaosjunit.proxy.testkit.TrafficRecorder;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/** Captures Lettuce's and Jedis's traffic with a real Redis as seeds of {@link RedisFuzzTest} (see {@link CapturedSeeds}). */
@Tag("capture")
class RedisCaptureTest {

  static GenericContainer<?> redis;

  @BeforeAll
  static void start() {
    redis = new GenericContainer<>(Images.redis()).withExposedPorts(6379);
    redis.start();
  }

  @AfterAll
  static void stop() {
    redis.stop();
  }

  @Test
  void lettuce() throws Exception {
    try (TrafficRecorder recorder = TrafficRecorder.to(redis.getHost(), redis.getMappedPort(6379))) {
      RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", recorder.port()));
      try (StatefulRedisConnection<String, String> connection = client.connect()) {
        RedisCommands<String, String> redis = connection.sync();
        redis.set("order:1", "book");
        redis.hset("orders", "2", "pen");
        redis.rpush("queue", "a", "b", "c");
        assertThat(redis.mget("order:1", "missing")).hasSize(2);
        assertThat(redis.lrange("queue", 0, -1)).containsExactly("a", "b", "c");
        redis.incr("count");
      } finally {
        client.shutdown();
      }
      assertThat(CapturedSeeds.save(RedisFuzzTest.class, "session", "lettuce", recorder, new RedisFuzzTest()::session))
          .isEqualTo(1);
    }
  }

  @Test
  void jedisPipeline() throws Exception {
    try (TrafficRecorder recorder = TrafficRecorder.to(redis.getHost(), redis.getMappedPort(6379))) {
      try (Jedis jedis = new Jedis("127.0.0.1", recorder.port())) {
        Pipeline pipeline = jedis.pipelined();
        for (int i = 0; i < 20; i++) {
          pipeline.set("k" + i, "v" + i);
          pipeline.get("k" + i);
        }
        pipeline.sync();
        assertThat(jedis.mget("k1", "k2")).isEqualTo(List.of("v1", "v2"));
      }
      assertThat(CapturedSeeds.save(RedisFuzzTest.class, "session", "jedis", recorder, new RedisFuzzTest()::session))
          .isEqualTo(1);
    }
  }
}
