package dev.chaosjunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.junit.support.EchoFixture;
import dev.chaosjunit.junit.support.EchoServer;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.jupiter.api.Test;

/** A {@code @Chaos} service whose proxy carried no connection during the class fails the class. */
class ZeroTrafficTest {

  @Test
  void failsTheClassWhenTheApplicationBypassesTheProxy() {
    EngineExecutionResults results = Fixtures.run(Direct.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    Throwable thrown = Fixtures.onlyFailure(results);
    assertThat(thrown).isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("@Chaos service [echo (127.0.0.1:")
        .hasMessageContaining("] carried no connection while 1 cell of Direct ran, so no fault on it was tested")
        .hasMessageContaining("connects to the container directly", "@ServiceConnection",
            "read before the proxies started");
  }

  @Test
  void passesAClassWhoseCellsUsedTheProxy() {
    EngineExecutionResults results = Fixtures.run(Proxied.class);

    Fixtures.assertNoContainerFailed(results);
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Test
  void doesNotJudgeARunFilteredToSomeCells() {
    EngineExecutionResults results = Fixtures.run(Direct.class, Map.of("chaos.cell", "direct × no fault"));

    Fixtures.assertNoContainerFailed(results);
  }

  @TestFixture
  static class Direct extends EchoFixture {
    /** Talks to the echo server itself, not through its proxy, as an app wired to the container would. */
    @Scenario
    String direct() throws IOException {
      InetSocketAddress server = EchoServer.address();
      try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
        OutputStream out = socket.getOutputStream();
        out.write("direct\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = socket.getInputStream();
        return new String(in.readNBytes(7), StandardCharsets.UTF_8).trim();
      }
    }

    @FaultMatrix(scenarios = "direct")
    void matrix() {}
  }

  @TestFixture
  static class Proxied extends EchoFixture {
    @FaultMatrix
    void matrix() {}
  }
}
