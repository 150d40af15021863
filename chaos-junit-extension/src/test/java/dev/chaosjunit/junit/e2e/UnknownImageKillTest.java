package dev.chaosjunit.junit.e2e;

import static dev.chaosjunit.junit.Expectation.ERROR;
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
import dev.chaosjunit.junit.PrimitiveEvent;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.containers.GenericContainer;

/**
 * Kill on an image whose data directory the extension does not know (memcached): while it is dead a client's connection
 * through the proxy is closed at once; the revert waits until the started server holds a connection (Docker's
 * port forwarder accepts and closes them before), so the next request through the same proxy is answered.
 */
class UnknownImageKillTest {

  @Test
  void aKilledServerOfAnUnknownImageServesAgainAfterTheRevert() {
    EngineExecutionResults results = Fixtures.run(Memcached.class);

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("version × no fault", "version × killed");
  }

  @TestFixture
  @ChaosTest
  static class Memcached {
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.memcached()).withExposedPorts(11211);

    @FaultAssumption static Fault killed = Fault.on("cache").container().kill();

    static String proxyHost;
    static int proxyPort;

    @BeforeAll
    static void start(ChaosTopology topology) {
      proxyHost = topology.proxy("cache").host();
      proxyPort = topology.proxy("cache").port();
    }

    @Scenario
    String version() throws IOException {
      try (Socket socket = new Socket(proxyHost, proxyPort)) {
        socket.setSoTimeout(2000);
        OutputStream out = socket.getOutputStream();
        out.write("version\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
            .readLine();
        if (line == null) {
          throw new IOException("the connection was closed without an answer");
        }
        return line;
      }
    }

    @FaultMatrix
    @Expect(fault = "killed", value = ERROR, within = "3s")
    void versionUnderKill(Cell cell) throws IOException {
      if (cell.faultName().equals("killed")) {
        assertThat(cell.outcome().error()).as("what the application sees")
            .hasMessage("the connection was closed without an answer");
        assertThat(cell.primitiveEvents()).extracting(PrimitiveEvent::type).containsExactly(
            PrimitiveEvent.Type.APPLIED, PrimitiveEvent.Type.DETECTED, PrimitiveEvent.Type.REVERTED);
      }
      assertThat(version()).as("served again through the same proxy").startsWith("VERSION ");
    }
  }
}
