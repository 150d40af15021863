package dev.chaosjunit.junit.e2e;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.Expect;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.ProxyEndpoint;
import dev.chaosjunit.junit.internal.ChaosConfig;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.containers.GenericContainer;

/**
 * The same matrix on the second backend: the Toxiproxy API (toxiproxy-java) against the engine's image,
 * which the backend builds from the server jar when Docker lacks it.
 */
class ToxiproxyBackendTest {

  @Test
  void runsL4FaultsThroughTheToxiproxyApi() {
    EngineExecutionResults results = Fixtures.run(OverToxiproxy.class,
        Map.of(ChaosConfig.BACKEND, "toxiproxy", ChaosConfig.PROXY_SERVER_JAR, serverJar()));

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).containsOnlyKeys("ping × slow")
        .hasEntrySatisfying("ping × slow", m -> assertThat(m).startsWith("expected SUCCESS within 200 ms")
            .contains("firings   = none"));
    assertThat(Fixtures.started(results)).containsExactly("ping × no fault", "ping × slow", "ping × down");
  }

  /**
   * The engine's server jar that the backend builds its image from when Docker lacks it: copied by this
   * module's pom (maven-dependency-plugin) and named by Surefire; the same path when run from an IDE.
   */
  static String serverJar() {
    return System.getProperty(ChaosConfig.PROXY_SERVER_JAR, "target/chaos-proxy/chaos-proxies-server.jar");
  }

  @TestFixture
  static class OverToxiproxy {
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);
    @FaultAssumption static Fault slow = Fault.on("cache").latency(Duration.ofMillis(600));
    @FaultAssumption static Fault down = Fault.on("cache").refuseConnections();

    @Scenario
    String ping(ChaosTopology topology) {
      ProxyEndpoint proxy = topology.proxy("cache");
      RedisClient client = RedisClient.create(RedisURI.builder().withHost(proxy.host()).withPort(proxy.port())
          .withTimeout(Duration.ofSeconds(2)).build());
      try (StatefulRedisConnection<String, String> connection = client.connect()) {
        return connection.sync().ping();
      } finally {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
      }
    }

    @FaultMatrix(within = "200ms")
    @Expect(fault = "down", value = ERROR, within = "3s")
    void matrix() {}
  }
}
