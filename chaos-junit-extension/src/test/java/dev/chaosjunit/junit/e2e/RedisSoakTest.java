package dev.chaosjunit.junit.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.Soak;
import dev.chaosjunit.junit.SoakPlan;
import dev.chaosjunit.junit.SoakResult;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.containers.GenericContainer;

/**
 * A bounded soak on Redis: a seeded schedule of kills and restarts for 20 s, the same Lettuce connection
 * writing all along. With reconnection every event is detected and recovered, within a 15 % budget; a
 * client that does not reconnect exceeds it.
 */
class RedisSoakTest {

  static final SoakPlan PLAN = new SoakPlan(Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofSeconds(3), 15,
      List.of(Fault.on("cache").container().kill(), Fault.on("cache").container().restart()));

  @Test
  void aReconnectingClientHoldsItsBudget() {
    EngineExecutionResults results = Fixtures.run(Reconnecting.class);

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("soak(Soak, ChaosTopology)");
  }

  @Test
  void aClientThatNeverReconnectsExceedsItsBudget() {
    EngineExecutionResults results = Fixtures.run(NotReconnecting.class);

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("soak(Soak, ChaosTopology)");
  }

  abstract static class SoakedRedis {
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);

    static ClientResources resources;
    static RedisClient client;

    static StatefulRedisConnection<String, String> connect(ChaosTopology topology, boolean reconnect) {
      resources = ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(100))).build();
      RedisURI uri = RedisURI.create("redis://" + topology.proxy("cache").hostPort());
      uri.setTimeout(Duration.ofSeconds(1));
      client = RedisClient.create(resources, uri);
      client.setOptions(ClientOptions.builder().autoReconnect(reconnect).build());
      return client.connect();
    }

    @AfterAll
    static void stop() {
      client.shutdown();
      resources.shutdown();
    }
  }

  @TestFixture
  @ChaosTest(seed = "42")
  static class Reconnecting extends SoakedRedis {
    @Test
    void soak(Soak soak, ChaosTopology topology) throws InterruptedException {
      StatefulRedisConnection<String, String> redis = connect(topology, true);

      SoakResult result = soak.run(PLAN, () -> redis.sync().set("order", "stored"));

      assertThat(result.events()).extracting(SoakResult.Event::at).isEqualTo(
          PLAN.schedule(42).stream().map(SoakPlan.Scheduled::at).toList());
      assertThat(result.events()).extracting(SoakResult.Event::fault).isEqualTo(
          PLAN.schedule(42).stream().map(s -> s.fault().describe()).toList());
      assertThat(result.events()).as(result.describe()).allMatch(SoakResult.Event::detected)
          .allMatch(SoakResult.Event::recovered);
      result.assertWithinBudget();
    }
  }

  @TestFixture
  @ChaosTest(seed = "42")
  static class NotReconnecting extends SoakedRedis {
    @Test
    void soak(Soak soak, ChaosTopology topology) throws InterruptedException {
      StatefulRedisConnection<String, String> redis = connect(topology, false);

      SoakResult result = soak.run(PLAN, () -> redis.sync().set("order", "stored"));

      assertThat(result.withinBudget()).as(result.describe()).isFalse();
      assertThat(result.events()).noneMatch(SoakResult.Event::recovered);
      assertThatThrownBy(result::assertWithinBudget).hasMessageStartingWith(
          "the soak exceeded its flake budget: 100.0 % of 4 events were flakes, 15.0 % allowed (seed 42)");
    }
  }
}
