package dev.chaosjunit.junit;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.support.EchoClient;
import dev.chaosjunit.junit.support.EchoServer;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A single cell without a matrix, and the topology given to {@code @BeforeAll}. */
class FaultScenarioTest {

  @Test
  void runsOneCellWithItsOwnExpectation() {
    EngineExecutionResults results = Fixtures.run(SingleCells.class);

    assertThat(Fixtures.started(results)).containsExactly("ping × limited", "ping × no fault");
    assertThat(Fixtures.failures(results)).isEmpty();
  }

  @Test
  void rewritesUrlsToTheProxy() {
    ProxyEndpoint endpoint = new ProxyEndpoint("db", "postgres", "127.0.0.1", 4000, "localhost:5432",
        java.util.Optional.of("jdbc:postgresql://localhost:5432/test?loggerLevel=OFF"));

    assertThat(endpoint.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:4000/test?loggerLevel=OFF");
    org.assertj.core.api.Assertions.assertThatThrownBy(endpoint::forContainers)
        .hasMessageContaining("listens on 127.0.0.1, which a container cannot reach")
        .hasMessageContaining("@ChaosTest(proxyHost = ChaosTest.DOCKER_BRIDGE)");
    assertThat(endpoint.bootstrapServers()).isEqualTo("127.0.0.1:4000");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> endpoint.rewrite("redis://other:6379"))
        .hasMessageContaining("does not contain the upstream address [localhost:5432] of service [db]");
  }

  @TestFixture
  @ChaosTest
  @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
  static class SingleCells {
    @Chaos("echo") static InetSocketAddress echo = EchoServer.address();
    @FaultAssumption static Fault limited = Fault.on("echo").limitData(2);
    static ChaosTopology topology;

    @BeforeAll
    static void start(ChaosTopology given) {
      topology = given;
    }

    @Scenario
    String ping() throws IOException {
      return EchoClient.roundTrip(topology.proxy("echo"), "ping", 2000);
    }

    @FaultScenario(scenario = "ping", fault = "limited", expect = ERROR, within = "2s")
    void a(Cell cell) {
      assertThat(cell.outcome().error()).hasMessageContaining("closed before the echo");
    }

    @FaultScenario(scenario = "ping", fault = FaultMatrix.NO_FAULT)
    void b(Cell cell) {
      assertThat(cell.outcome().value()).isEqualTo("ping");
      assertThat(topology.proxy("echo").port()).isNotEqualTo(echo.getPort());
    }
  }
}
