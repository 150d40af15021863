package dev.chaosjunit.junit.e2e;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static dev.chaosjunit.junit.Expectation.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.Expect;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.ProxyEndpoint;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Clients that run in a container of their own (psql and redis-cli, as a containerised service under test
 * would) reach the proxies with {@code @ChaosTest(proxyHost = DOCKER_BRIDGE)}, through the same addresses
 * the test JVM uses, and see the protocol faults; no registry image, no host networking.
 */
class ContainerClientsTest {

  @Test
  void clientsInContainersSeeTheFaults() {
    EngineExecutionResults results = Fixtures.run(InContainers.class);

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("psqlInsert × no fault", "psqlInsert × diskFull",
        "psqlInsert × readOnly", "redisCliSet × no fault", "redisCliSet × diskFull", "redisCliSet × readOnly");
  }

  @Test
  void aWildcardProxyHostFailsTheClassNamingTheFix() {
    Throwable failure = Fixtures.onlyFailure(Fixtures.run(Wildcard.class));

    assertThat(failure).hasMessageContaining("proxyHost [0.0.0.0] is a wildcard address")
        .hasMessageContaining("ChaosTest.DOCKER_BRIDGE");
  }

  @TestFixture
  @ChaosTest(proxyHost = ChaosTest.DOCKER_BRIDGE)
  static class InContainers {
    @Chaos("db") static PostgreSQLContainer db = new PostgreSQLContainer(Images.postgres());
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);

    @FaultAssumption static Fault diskFull = Fault.on("db").postgres().query("INSERT*").error("53100", "disk full");
    @FaultAssumption static Fault readOnly =
        Fault.on("cache").redis().command("SET").error("READONLY You can't write against a read only replica.");

    /** The local images share one Debian root file system, so the PostgreSQL image has redis-cli too. */
    static GenericContainer<?> clients = new GenericContainer<>(Images.postgres())
        .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("sleep", "infinity"));
    static String dbUrl;
    static ProxyEndpoint cacheProxy;

    @BeforeAll
    static void start(ChaosTopology topology) throws Exception {
      clients.start();
      assertThat(topology.proxy("db").host()).as("the proxies listen on the bridge gateway").doesNotStartWith("127.");
      dbUrl = topology.proxy("db").jdbcUrl().replaceFirst("^jdbc:postgresql://([^/]+)/([^?]+).*$",
          "postgresql://" + db.getUsername() + ":" + db.getPassword() + "@$1/$2");
      cacheProxy = topology.proxy("cache");
      cacheProxy.forContainers();
      psql("CREATE TABLE IF NOT EXISTS notes (body TEXT)");
    }

    @AfterAll
    static void stop() {
      clients.stop();
    }

    @Scenario
    String psqlInsert() throws Exception {
      return psql("INSERT INTO notes VALUES ('hello')");
    }

    @Scenario
    String redisCliSet() throws Exception {
      ExecResult result = clients.execInContainer("redis-cli", "-h", cacheProxy.host(),
          "-p", String.valueOf(cacheProxy.port()), "SET", "note", "hello");
      if (result.getExitCode() != 0 || !result.getStdout().trim().equals("OK")) {
        throw new IllegalStateException("redis-cli: " + result.getStdout().trim() + result.getStderr().trim());
      }
      return result.getStdout().trim();
    }

    private static String psql(String sql) throws Exception {
      ExecResult result = clients.execInContainer("psql", dbUrl, "-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=verbose",
          "-c", sql);
      if (result.getExitCode() != 0) {
        throw new IllegalStateException("psql: " + result.getStderr().trim());
      }
      return result.getStdout().trim();
    }

    @FaultMatrix
    @Expect(scenario = "psqlInsert", fault = "diskFull", value = ERROR, within = "10s")
    @Expect(scenario = "redisCliSet", fault = "readOnly", value = ERROR, within = "10s")
    @Expect(scenario = "psqlInsert", fault = "readOnly", value = SUCCESS, untouched = true)
    @Expect(scenario = "redisCliSet", fault = "diskFull", value = SUCCESS, untouched = true)
    void fromContainers(Cell cell) {
      if (cell.name().equals("psqlInsert × diskFull")) {
        assertThat(cell.outcome().error()).hasMessageContaining("ERROR:  53100: disk full");
      }
      if (cell.name().equals("redisCliSet × readOnly")) {
        assertThat(cell.outcome().error()).hasMessageContaining("READONLY You can't write against a read only replica.");
      }
    }
  }

  @TestFixture
  @ChaosTest(proxyHost = "0.0.0.0")
  static class Wildcard {
    @Chaos("echo") static InetSocketAddress echo = new InetSocketAddress("127.0.0.1", 9);
    @FaultAssumption static Fault slow = Fault.on("echo").latency(java.time.Duration.ofMillis(10));

    @Scenario
    void nothing() {}

    @FaultMatrix
    void matrix() {}
  }
}
