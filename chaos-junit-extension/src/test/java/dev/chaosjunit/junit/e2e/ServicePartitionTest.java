package dev.chaosjunit.junit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.CellEvent;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.ProxyEndpoint;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import redis.clients.jedis.Jedis;

/**
 * A partition between two services' containers, each reaching the other through its proxy on the Docker
 * bridge: real Redis servers, real clients (redis-cli in the containers, Jedis in the test JVM). While it
 * holds, each side's connections to the other stall, and every other client (the test JVM, a third
 * container) still gets through; after the revert the same route works again.
 */
class ServicePartitionTest {

  @Test
  void twoServicesCannotReachEachOtherWhileEveryoneElseReachesBoth() {
    EngineExecutionResults results = Fixtures.run(AppAndCache.class);

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("pingAround × no fault", "pingAround × apart");
  }

  @TestFixture
  @ChaosTest(proxyHost = ChaosTest.DOCKER_BRIDGE)
  static class AppAndCache {
    // tag::service-partition[]
    @Chaos("app") static GenericContainer<?> app = new GenericContainer<>(Images.redis()).withExposedPorts(6379);
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);

    @FaultAssumption static Fault apart = Fault.partition("app", "cache");
    // end::service-partition[]

    /** A third container, no chaos service: the partition is not about it. */
    static GenericContainer<?> bystander = new GenericContainer<>(Images.redis()).withExposedPorts(6379);
    static ProxyEndpoint appProxy;
    static ProxyEndpoint cacheProxy;

    @BeforeAll
    static void start(ChaosTopology topology) {
      bystander.start();
      appProxy = topology.proxy("app");
      cacheProxy = topology.proxy("cache");
    }

    @AfterAll
    static void stop() {
      bystander.stop();
    }

    /** Who reaches whom through the proxies: {@code PONG}, or what went wrong within 3 s. */
    @Scenario
    Map<String, String> pingAround() throws Exception {
      Map<String, String> answers = new LinkedHashMap<>();
      answers.put("app -> cache", ping(app, cacheProxy));
      answers.put("cache -> app", ping(cache, appProxy));
      answers.put("bystander -> cache", ping(bystander, cacheProxy));
      answers.put("bystander -> app", ping(bystander, appProxy));
      try (Jedis jedis = new Jedis(cacheProxy.host(), cacheProxy.port(), 3000)) {
        answers.put("jvm -> cache", jedis.ping());
      }
      return answers;
    }

    private static String ping(GenericContainer<?> from, ProxyEndpoint to) throws Exception {
      ExecResult result = from.execInContainer("timeout", "3", "redis-cli", "-h", to.host(), "-p",
          String.valueOf(to.port()), "PING");
      return result.getExitCode() == 124 ? "timed out" : (result.getStdout() + result.getStderr()).trim();
    }

    @FaultMatrix(timeout = "30s")
    @SuppressWarnings("unchecked")
    void partitioned(Cell cell) throws Exception {
      Map<String, String> answers = (Map<String, String>) cell.outcome().value();
      if (cell.faultName().equals("apart")) {
        assertThat(answers).as("what each client sees").containsExactly(Map.entry("app -> cache", "timed out"),
            Map.entry("cache -> app", "timed out"), Map.entry("bystander -> cache", "PONG"),
            Map.entry("bystander -> app", "PONG"), Map.entry("jvm -> cache", "PONG"));
        assertThat(cell.events().ofKind(CellEvent.PRIMITIVE_DETECTED).list()).extracting(CellEvent::proxy)
            .as("each side noticed: the peer's new connection reached its proxy").containsExactlyInAnyOrder("app", "cache");
        assertThat(ping(app, cacheProxy)).as("reverted: the same route works again").isEqualTo("PONG");
        assertThat(ping(cache, appProxy)).as("reverted: the same route works again").isEqualTo("PONG");
      } else {
        assertThat(answers).as("the same routes, before the partition and after its revert").allSatisfy(
            (route, answer) -> assertThat(answer).as(route).isEqualTo("PONG"));
      }
    }
  }
}
