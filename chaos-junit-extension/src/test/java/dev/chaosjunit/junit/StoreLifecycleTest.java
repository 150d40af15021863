package dev.chaosjunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.junit.support.EchoFixture;
import dev.chaosjunit.junit.support.Fixtures;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the extension leaves in JUnit's Store is closed when its class ends, on every JUnit it supports
 * (CI runs this module's tests on 5.12, which closes only {@code Store.CloseableResource} values, and on
 * 6.x): the engine with its proxies. The report's half is {@link ReportTest}.
 */
class StoreLifecycleTest {

  @Test
  void closesTheEngineAndItsProxiesWhenTheClassEnds() {
    Fixtures.assertNoContainerFailed(Fixtures.run(Recorded.class, Map.of("chaos.seed", "5")));

    assertThat(Recorded.proxy).as("the fixture ran and recorded its proxy").isNotNull();
    assertThatThrownBy(() -> connect(Recorded.proxy)).isInstanceOf(ConnectException.class);
  }

  private static void connect(ProxyEndpoint proxy) throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(proxy.host(), proxy.port()), 2000);
    }
  }

  @ChaosTest
  static class Recorded extends EchoFixture {
    static ProxyEndpoint proxy;

    @BeforeAll
    static void record(ChaosTopology topology) {
      proxy = topology.proxy("echo");
    }

    @FaultMatrix
    void matrix(Cell cell) {
      assertThat(cell.outcome().value()).isEqualTo("ping");
    }
  }
}
