package dev.chaosjunit.proxy.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testcontainers.containers.GenericContainer;

/** Lettuce against a real Redis through the proxy engine with the redis inspector, in RESP2 and RESP3. */
class RedisAcceptanceTest {

  static final String READONLY = "READONLY You can't write against a read only replica.";

  static GenericContainer<?> redis;
  static ProxyEngine engine;
  static RedisClient directClient;
  static RedisCommands<String, String> direct;
  Proxy relay;
  RedisClient client;

  @BeforeAll
  static void startRedis() {
    redis = new GenericContainer<>(Images.redis()).withExposedPorts(6379);
    redis.start();
    directClient = RedisClient.create(RedisURI.create(redis.getHost(), redis.getMappedPort(6379)));
    direct = directClient.connect().sync();
    engine = ProxyEngine.start();
  }

  @AfterAll
  static void stopRedis() {
    directClient.shutdown();
    engine.close();
    redis.stop();
  }

  @AfterEach
  void stopRelay() {
    if (client != null) {
      client.shutdown();
    }
    engine.remove(relay.name());
  }

  StatefulRedisConnection<String, String> connect(ProtocolVersion protocol) {
    relay = engine.create(ProxySpec.of("cache", redis.getHost() + ":" + redis.getMappedPort(6379)).withProtocol("redis"));
    RedisURI uri = RedisURI.builder().withHost("127.0.0.1").withPort(relay.listenAddress().getPort()).withTimeout(Duration.ofSeconds(5)).build();
    client = RedisClient.create(uri);
    client.setOptions(ClientOptions.builder().protocolVersion(protocol).build());
    direct.flushall();
    return client.connect();
  }

  static Rule rule(String name, Map<String, String> match, Action action) {
    return new Rule(name, "", Direction.UPSTREAM, match, action, 1, 0, 0);
  }

  static Rule readOnlySet() {
    return rule("ro", Map.of("command", "SET"),
        Action.Error.of("READONLY", "You can't write against a read only replica."));
  }

  @ParameterizedTest
  @EnumSource(ProtocolVersion.class)
  void readOnlyErrorSurfacesAndTheKeyIsNotWrittenUntilTheRuleIsRemoved(ProtocolVersion protocol) {
    RedisCommands<String, String> sync = connect(protocol).sync();
    relay.addRule(readOnlySet());
    assertThatThrownBy(() -> sync.set("k", "v")).isInstanceOf(RedisCommandExecutionException.class).hasMessage(READONLY);
    assertThat(direct.exists("k")).isZero();
    assertThat(sync.incr("n")).isEqualTo(1);
    relay.removeRule("ro");
    assertThat(sync.set("k", "v")).isEqualTo("OK");
    assertThat(direct.get("k")).isEqualTo("v");
  }

  @ParameterizedTest
  @EnumSource(ProtocolVersion.class)
  void getAnswersNilAndDelayIsMeasuredByTheClient(ProtocolVersion protocol) {
    RedisCommands<String, String> sync = connect(protocol).sync();
    direct.set("k", "v");
    relay.addRule(rule("nil", Map.of("command", "GET"), new Action.Respond(Map.of("value", "nil"))));
    assertThat(sync.get("k")).isNull();
    relay.removeRule("nil");
    relay.addRule(rule("slow", Map.of("key", "k"), new Action.Delay(Duration.ofMillis(400))));
    long start = System.nanoTime();
    assertThat(sync.get("k")).isEqualTo("v");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(380), Duration.ofSeconds(3));
  }

  @ParameterizedTest
  @EnumSource(ProtocolVersion.class)
  void pipelinedCommandsKeepTheirRepliesAroundAnInjectedError(ProtocolVersion protocol) throws Exception {
    StatefulRedisConnection<String, String> connection = connect(protocol);
    relay.addRule(rule("bad", Map.of("key", "bad*"), Action.Error.of("OOM", "no memory")));
    RedisAsyncCommands<String, String> async = connection.async();
    connection.setAutoFlushCommands(false);
    List<RedisFuture<String>> futures = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      futures.add(async.set((i == 250 ? "bad" : "key") + i, "v" + i));
      futures.add(async.get((i == 250 ? "bad" : "key") + i));
    }
    connection.flushCommands();
    for (RedisFuture<String> future : futures) {
      assertThat(future.await(10, TimeUnit.SECONDS)).isTrue();
    }
    for (int i = 0; i < 500; i++) {
      RedisFuture<String> get = futures.get(2 * i + 1);
      if (i == 250) {
        assertThat(get.toCompletableFuture()).isCompletedExceptionally();
        assertThat(get.getError()).isEqualTo("OOM no memory");
      } else {
        assertThat(get.get()).isEqualTo("v" + i);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ProtocolVersion.class)
  void pubSubMessagesKeepArrivingWithRulesInstalled(ProtocolVersion protocol) throws Exception {
    connect(protocol);
    relay.addRule(readOnlySet());
    StatefulRedisPubSubConnection<String, String> pubSub = client.connectPubSub();
    List<String> received = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> all = new CompletableFuture<>();
    pubSub.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String channel, String message) {
        received.add(message);
        if (received.size() == 100) {
          all.complete(null);
        }
      }
    });
    pubSub.sync().subscribe("news", "other");
    for (int i = 0; i < 100; i++) {
      direct.publish("news", "m" + i);
    }
    all.get(10, TimeUnit.SECONDS);
    assertThat(received).first().isEqualTo("m0");
    assertThat(received).last().isEqualTo("m99");
    assertThat(pubSub.sync().ping()).as("PING while subscribed, as Lettuce sees it without the proxy")
        .isEqualTo(directPingWhileSubscribed(protocol));
  }

  static String directPingWhileSubscribed(ProtocolVersion protocol) {
    RedisClient plain = RedisClient.create(RedisURI.create(redis.getHost(), redis.getMappedPort(6379)));
    try {
      plain.setOptions(ClientOptions.builder().protocolVersion(protocol).build());
      StatefulRedisPubSubConnection<String, String> pubSub = plain.connectPubSub();
      pubSub.sync().subscribe("news");
      return pubSub.sync().ping();
    } finally {
      plain.shutdown();
    }
  }

  @ParameterizedTest
  @EnumSource(ProtocolVersion.class)
  void errorInsideMultiAbortsTheTransactionLikeAQueueTimeError(ProtocolVersion protocol) {
    RedisCommands<String, String> sync = connect(protocol).sync();
    relay.addRule(readOnlySet());
    sync.multi();
    sync.incr("counter");
    assertThat(sync.set("k", "v")).as("Lettuce answers queued commands with null").isNull();
    assertThatThrownBy(sync::exec).isInstanceOf(RedisCommandExecutionException.class).hasMessageStartingWith("EXECABORT");
    assertThat(direct.exists("counter")).isZero();
    sync.multi();
    sync.incr("counter");
    TransactionResult result = sync.exec();
    assertThat(result.<Long>get(0)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(ProtocolVersion.class)
  void aRuleThatDoesNotMatchChangesNothing(ProtocolVersion protocol) {
    RedisCommands<String, String> sync = connect(protocol).sync();
    relay.addRule(rule("other", Map.of("command", "SET", "key", "elsewhere:*"), Action.Error.of("", "")));
    direct.hset("h", Map.of("a", "1", "b", "2"));
    direct.rpush("l", "x", "y", "z");
    direct.set("s", "text");
    assertThat(sync.hgetall("h")).isEqualTo(direct.hgetall("h"));
    assertThat(sync.lrange("l", 0, -1)).isEqualTo(direct.lrange("l", 0, -1));
    assertThat(sync.mget("s", "missing")).isEqualTo(direct.mget("s", "missing"));
    assertThat(sync.set("k", "v")).isEqualTo("OK");
    assertThat(sync.incrbyfloat("f", 1.5)).isEqualTo(1.5);
    assertThat(sync.ttl("s")).isEqualTo(direct.ttl("s"));
    assertThat(sync.type("h")).isEqualTo("hash");
  }

  @ParameterizedTest
  @EnumSource(ProtocolVersion.class)
  void blockingCommandsWaitAsLongAsTheServerDoes(ProtocolVersion protocol) throws Exception {
    RedisAsyncCommands<String, String> async = connect(protocol).async();
    relay.addRule(readOnlySet());
    RedisFuture<?> popped = async.blpop(5, "queue");
    Thread.sleep(1200);
    assertThat(popped.isDone()).isFalse();
    direct.rpush("queue", "job");
    assertThat(popped.get(5, TimeUnit.SECONDS).toString()).contains("job");
  }
}
