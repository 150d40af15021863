package dev.chaosjunit.junit.e2e;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.CellEvent;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.Expect;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.junit.support.Eventually;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.containers.GenericContainer;

/**
 * Container primitives on a real Redis, used by one real Lettuce connection through the proxy: what the
 * application sees, the evidence that it noticed, and that after the revert the same connection works
 * again through the same proxy address. A client that never gives up a frozen connection leaves a pause
 * unnoticed, and the cell fails saying so.
 */
class RedisPrimitivesTest {

  @Test
  void killAndRestartAreSeenDetectedAndReverted() {
    EngineExecutionResults results = Fixtures.run(RedisUnderChaos.class);

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("set × no fault", "set × killed", "set × restarted");
  }

  @Test
  void aFullDiskIsRefusedWithMisconfAndFreed() {
    EngineExecutionResults results = Fixtures.run(RedisDiskFull.class);

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("set × no fault", "set × diskFull");
  }

  @Test
  void aPauseThatTheClientNeverNoticesFailsTheCell() {
    EngineExecutionResults results = Fixtures.run(RedisPausedUnnoticed.class);

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).containsOnlyKeys("set × paused");
    assertThat(Fixtures.failures(results).get("set × paused"))
        .startsWith("the system did not notice container pause of [cache]: no sign that a new connection through"
            + " the proxy reached the service within 3000 ms (0 connections lost, 0 opened)")
        .contains("verdict   = failed", "primitive = +")
        .containsPattern("cache pause applied; \\+\\d+ ms cache pause not detected: no sign");
  }

  /** One Lettuce connection through the proxy for the whole class, reconnecting by itself. */
  abstract static class LettuceRedis {
    static ClientResources resources;
    static RedisClient client;
    static StatefulRedisConnection<String, String> connection;

    static void connect(ChaosTopology topology) {
      resources = ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofMillis(100))).build();
      RedisURI uri = RedisURI.create("redis://" + topology.proxy("cache").hostPort());
      uri.setTimeout(Duration.ofSeconds(1));
      client = RedisClient.create(resources, uri);
      connection = client.connect();
    }

    @AfterAll
    static void stop() {
      connection.close();
      client.shutdown();
      resources.shutdown();
    }

    static RedisCommands<String, String> redis() {
      return connection.sync();
    }

    /** Until the same connection writes again, for at most 10 s. */
    static void awaitWritable() throws Exception {
      Eventually.works(Duration.ofSeconds(10), () -> assertThat(redis().set("after", "revert")).isEqualTo("OK"));
    }

    static void assertDetected(Cell cell) {
      if (!cell.faultName().equals(FaultMatrix.NO_FAULT)) {
        assertThat(cell.events().primitives()).extracting(CellEvent::kind).containsExactly(
            CellEvent.PRIMITIVE_APPLIED, CellEvent.PRIMITIVE_DETECTED, CellEvent.PRIMITIVE_REVERTED);
      }
    }
  }

  @TestFixture
  @ChaosTest
  static class RedisUnderChaos extends LettuceRedis {
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);

    @FaultAssumption static Fault killed = Fault.on("cache").container().kill();
    @FaultAssumption static Fault restarted = Fault.on("cache").container().detectedWithin(Duration.ofSeconds(20)).restart();

    @BeforeAll
    static void start(ChaosTopology topology) {
      connect(topology);
    }

    @Scenario
    String set() {
      return redis().set("note", "hello");
    }

    @FaultMatrix(timeout = "20s")
    @Expect(fault = "killed", value = ERROR, within = "5s")
    void setUnderChaos(Cell cell) throws Exception {
      if (cell.faultName().equals("killed")) {
        assertThat(cell.outcome().error()).as("what the application sees").isInstanceOf(RedisCommandTimeoutException.class);
      }
      assertDetected(cell);
      awaitWritable();
    }
  }

  @TestFixture
  @ChaosTest
  static class RedisDiskFull extends LettuceRedis {
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379)
        .withCommand("redis-server", "--appendonly", "yes").withTmpFs(Map.of("/data", "rw,size=16m"));

    @FaultAssumption static Fault diskFull = Fault.on("cache").container().diskFull();

    @BeforeAll
    static void start(ChaosTopology topology) {
      connect(topology);
    }

    /**
     * Two writes: Redis acknowledges the first in memory; writing it to the append-only file fails (it needs
     * more room than the file's last page has left), and Redis refuses the next.
     */
    @Scenario
    String set() {
      redis().set("first", "x".repeat(64 * 1024));
      return redis().set("second", "2");
    }

    @FaultMatrix
    @Expect(fault = "diskFull", value = ERROR, within = "5s")
    void setOnAFullDisk(Cell cell) throws Exception {
      if (cell.faultName().equals("diskFull")) {
        assertThat(cell.outcome().error()).as("what the application sees")
            .isInstanceOf(RedisCommandExecutionException.class)
            .hasMessage("MISCONF Errors writing to the AOF file: No space left on device");
      }
      assertDetected(cell);
      awaitWritable();
    }
  }

  @TestFixture
  @ChaosTest
  static class RedisPausedUnnoticed extends LettuceRedis {
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);

    @FaultAssumption static Fault paused = Fault.on("cache").container().detectedWithin(Duration.ofSeconds(3)).pause();

    @BeforeAll
    static void start(ChaosTopology topology) {
      connect(topology);
    }

    @Scenario
    String set() {
      return redis().set("note", "hello");
    }

    @FaultMatrix
    @Expect(fault = "paused", value = ERROR, within = "5s")
    void setWhilePaused(Cell cell) throws Exception {
      awaitWritable();
    }
  }
}
