package dev.chaosjunit.proxy.redis;

import static dev.chaosjunit.proxy.redis.RedisAcceptanceTest.READONLY;
import static dev.chaosjunit.proxy.redis.RedisAcceptanceTest.readOnlySet;
import static dev.chaosjunit.proxy.redis.RedisAcceptanceTest.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Jedis (blocking, one socket per pooled {@link Jedis}) against a real Redis through the proxy engine:
 * a {@link JedisPool}'s idle connections feel a rule the moment it is added, a pipeline keeps its
 * replies in order around an injected error, and a dropped connection is replaced by the pool.
 * {@code JedisPool} is deprecated in Jedis 7 in favour of {@code RedisClient}, but it is what
 * applications in the field use.
 */
@SuppressWarnings("deprecation")
class JedisAcceptanceTest {

  static final int POOL_SIZE = 4;

  static GenericContainer<?> redis;
  static ProxyEngine engine;
  static Jedis direct;
  Proxy relay;
  JedisPool pool;

  @BeforeAll
  static void startRedis() {
    redis = new GenericContainer<>(Images.redis()).withExposedPorts(6379);
    redis.start();
    direct = new Jedis(redis.getHost(), redis.getMappedPort(6379));
    engine = ProxyEngine.start();
  }

  @AfterAll
  static void stopRedis() {
    direct.close();
    engine.close();
    redis.stop();
  }

  @BeforeEach
  void startPool() {
    direct.flushAll();
    relay = engine.create(ProxySpec.of("cache", redis.getHost() + ":" + redis.getMappedPort(6379)).withProtocol("redis"));
    JedisPoolConfig config = new JedisPoolConfig();
    config.setMaxTotal(POOL_SIZE);
    config.setMaxWait(Duration.ofSeconds(5));
    pool = new JedisPool(config, "127.0.0.1", relay.listenAddress().getPort(), 5000);
  }

  @AfterEach
  void stopPool() {
    pool.close();
    engine.remove(relay.name());
  }

  /** Borrows every connection the pool may hold at once, so it keeps {@link #POOL_SIZE} live ones. */
  List<Jedis> borrowAll() {
    List<Jedis> all = new ArrayList<>();
    for (int i = 0; i < POOL_SIZE; i++) {
      all.add(pool.getResource());
    }
    return all;
  }

  @Test
  void everyPooledConnectionSeesReadOnlyAndKeepsWorking() {
    List<Jedis> connections = borrowAll();
    connections.forEach(jedis -> assertThat(jedis.ping()).isEqualTo("PONG"));
    relay.addRule(readOnlySet());
    for (int i = 0; i < POOL_SIZE; i++) {
      Jedis jedis = connections.get(i);
      String key = "k" + i;
      assertThatThrownBy(() -> jedis.set(key, "v")).isInstanceOf(JedisDataException.class).hasMessage(READONLY);
      assertThat(jedis.incr("n")).as("the same connection, next command").isEqualTo(i + 1);
    }
    connections.forEach(Jedis::close);
    assertThat(direct.exists("k0", "k1", "k2", "k3")).isZero();
    assertThat(relay.ruleCounters("ro").fired()).isEqualTo(POOL_SIZE);
    assertThat(relay.ruleCounters("ro").connections()).as("each pooled connection once").isEqualTo(POOL_SIZE);

    relay.removeRule("ro");
    try (Jedis jedis = pool.getResource()) {
      assertThat(jedis.set("k", "v")).isEqualTo("OK");
    }
    assertThat(direct.get("k")).isEqualTo("v");
    assertThat(relay.stats().connectionsAccepted()).as("no connection was replaced").isEqualTo(POOL_SIZE);
  }

  @Test
  void pipelineKeepsItsRepliesInOrderAroundAnInjectedError() {
    relay.addRule(rule("bad", Map.of("key", "bad*"), Action.Error.of("OOM", "no memory")));
    try (Jedis jedis = pool.getResource()) {
      Pipeline pipeline = jedis.pipelined();
      List<Response<String>> gets = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        String key = (i == 250 ? "bad" : "key") + i;
        pipeline.set(key, "v" + i);
        gets.add(pipeline.get(key));
      }
      pipeline.sync();
      for (int i = 0; i < 500; i++) {
        Response<String> get = gets.get(i);
        if (i == 250) {
          assertThatThrownBy(get::get).isInstanceOf(JedisDataException.class).hasMessage("OOM no memory");
        } else {
          assertThat(get.get()).isEqualTo("v" + i);
        }
      }
      assertThat(jedis.dbSize()).isEqualTo(499);
    }
    assertThat(relay.ruleCounters("bad").fired()).isEqualTo(2);
  }

  @Test
  void nilAnswerAndDelayAreWhatJedisSees() {
    direct.set("k", "v");
    try (Jedis jedis = pool.getResource()) {
      relay.addRule(rule("nil", Map.of("command", "GET"), new Action.Respond(Map.of("value", "nil"))));
      assertThat(jedis.get("k")).isNull();
      relay.removeRule("nil");
      relay.addRule(rule("slow", Map.of("key", "k"), new Action.Delay(Duration.ofMillis(400))));
      long start = System.nanoTime();
      assertThat(jedis.get("k")).isEqualTo("v");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(380), Duration.ofSeconds(3));
    }
  }

  @Test
  void droppedConnectionIsReplacedByThePool() {
    try (Jedis jedis = pool.getResource()) {
      assertThat(jedis.ping()).isEqualTo("PONG");
    }
    relay.addRule(rule("drop", Map.of("command", "GET"), new Action.Drop(null)));
    try (Jedis jedis = pool.getResource()) {
      assertThatThrownBy(() -> jedis.get("k")).isInstanceOf(JedisConnectionException.class);
    }
    relay.removeRule("drop");
    try (Jedis jedis = pool.getResource()) {
      assertThat(jedis.get("k")).isNull();
    }
    assertThat(relay.stats().connectionsAccepted()).as("the broken connection was replaced").isEqualTo(2);
  }
}
