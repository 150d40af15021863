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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.ops.OperationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.containers.GenericContainer;

/**
 * A memcached container is taken for Memcached from its image name (no protocol declared): a Memcached rule
 * reaches spymemcached as the server's own {@code SERVER_ERROR}, and a forced miss empties one key of a
 * multi-get.
 */
class MemcachedRulesTest {

  @Test
  void aWriteFailsWithTheServerErrorAndAReadMissesTheMatchedKeyAlone() {
    EngineExecutionResults results = Fixtures.run(Sessions.class, Map.of("chaos.seed", "5"));

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("store × no fault", "store × outOfMemory", "store × sessionMiss",
        "load × no fault", "load × outOfMemory", "load × sessionMiss");
  }

  @TestFixture
  @ChaosTest
  static class Sessions {
    @Chaos(value = "cache", port = 11211) static GenericContainer<?> cache =
        new GenericContainer<>(Images.memcached()).withExposedPorts(11211);

    @FaultAssumption static Fault outOfMemory = Fault.on("cache").memcached().command("set").key("session:*")
        .serverError("out of memory storing object");
    @FaultAssumption static Fault sessionMiss = Fault.on("cache").memcached().command("get*").key("session:*").miss();

    static MemcachedClient client;

    @BeforeAll
    static void connect(ChaosTopology topology) throws Exception {
      ProxyEndpoint proxy = topology.proxy("cache");
      client = new MemcachedClient(new ConnectionFactoryBuilder().setOpTimeout(5000).build(),
          List.of(new InetSocketAddress(proxy.host(), proxy.port())));
      client.set("user:1", 0, "profile").get(5, TimeUnit.SECONDS);
      client.set("session:2", 0, "bob").get(5, TimeUnit.SECONDS);
    }

    @AfterAll
    static void close() {
      client.shutdown(1, TimeUnit.SECONDS);
    }

    /** Stores a session; fails with the client's exception when the server refuses it. */
    @Scenario
    boolean store() throws Exception {
      return client.set("session:1", 0, "alice").get(5, TimeUnit.SECONDS);
    }

    /** Loads a user and a session in one multi-get, as a page does. */
    @Scenario
    Map<String, Object> load() {
      return client.getBulk("user:1", "session:2");
    }

    @FaultMatrix
    @Expect(scenario = "store", fault = "outOfMemory", value = ERROR, within = "5s")
    @Expect(scenario = "store", fault = "sessionMiss", value = SUCCESS, untouched = true)
    @Expect(scenario = "load", fault = "outOfMemory", value = SUCCESS, untouched = true)
    void rules(Cell cell) {
      if (cell.name().equals("store × outOfMemory")) {
        assertThat(cell.outcome().error()).isInstanceOf(ExecutionException.class).cause()
            .isInstanceOf(OperationException.class).hasMessage("SERVER_ERROR out of memory storing object");
      }
      if (cell.name().equals("load × sessionMiss")) {
        assertThat(cell.outcome().value()).isEqualTo(Map.of("user:1", "profile"));
        assertThat(cell.totalFirings()).isEqualTo(1);
      }
      if (cell.name().equals("load × no fault")) {
        assertThat(cell.outcome().value()).isEqualTo(Map.of("user:1", "profile", "session:2", "bob"));
      }
    }
  }
}
