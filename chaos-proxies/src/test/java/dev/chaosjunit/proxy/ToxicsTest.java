package dev.chaosjunit.proxy;

import static dev.chaosjunit.fault.Direction.DOWNSTREAM;
import static dev.chaosjunit.fault.Direction.UPSTREAM;
import static dev.chaosjunit.proxy.Clients.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.fault.ToxicType;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each toxic's timing and size behaviour through a real echo server (generous upper bounds: CI is noisy). */
class ToxicsTest {

  private EchoServer echo;
  private ProxyEngine engine;
  private Proxy proxy;

  @BeforeEach
  void start() throws IOException {
    echo = new EchoServer();
    engine = ProxyEngine.start(EngineOptions.defaults().withSeed(3));
    proxy = engine.create(ProxySpec.of("echo", echo.address()));
  }

  @AfterEach
  void stop() throws IOException {
    engine.close();
    echo.close();
  }

  static Toxic toxic(ToxicType type, Direction stream, Map<String, Long> attributes) {
    return Toxic.of(type, stream, attributes);
  }

  static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  static long timedRoundTrip(Socket s, String text) throws IOException {
    long start = System.nanoTime();
    s.getOutputStream().write(ascii(text));
    assertThat(Clients.readExactly(s.getInputStream(), text.length())).isEqualTo(ascii(text));
    return millisSince(start);
  }

  @Test
  void latencyDelaysEachDirection() throws IOException {
    proxy.addToxic(toxic(ToxicType.LATENCY, DOWNSTREAM, Map.of("latency", 200L)));
    proxy.addToxic(toxic(ToxicType.LATENCY, UPSTREAM, Map.of("latency", 100L)));
    try (Socket s = Clients.connect(proxy)) {
      assertThat(timedRoundTrip(s, "ping")).isBetween(290L, 1500L);
    }
    assertThat(proxy.toxicCounters("latency_downstream").fired()).isEqualTo(1);
  }

  @Test
  void latencyPipelinesABulkStreamLikeToxiproxy() throws IOException {
    proxy.addToxic(toxic(ToxicType.LATENCY, DOWNSTREAM, Map.of("latency", 200L)));
    byte[] data = new byte[4 << 20];
    try (Socket s = Clients.connect(proxy)) {
      long start = System.nanoTime();
      java.util.concurrent.CompletableFuture.runAsync(() -> write(s, data));
      Clients.readExactly(s.getInputStream(), data.length);
      assertThat(millisSince(start)).isBetween(190L, 2500L);
    }
  }

  private static void write(Socket s, byte[] data) {
    try {
      s.getOutputStream().write(data);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void jitterStaysWithinItsBounds() throws IOException {
    proxy.addToxic(toxic(ToxicType.LATENCY, DOWNSTREAM, Map.of("latency", 100L, "jitter", 50L)));
    try (Socket s = Clients.connect(proxy)) {
      for (int i = 0; i < 5; i++) {
        assertThat(timedRoundTrip(s, "j" + i)).isBetween(45L, 1200L);
      }
    }
  }

  @Test
  void bandwidthLimitsTheRate() throws IOException {
    proxy.addToxic(toxic(ToxicType.BANDWIDTH, DOWNSTREAM, Map.of("rate", 200L)));
    byte[] data = new byte[200_000];
    try (Socket s = Clients.connect(proxy)) {
      long start = System.nanoTime();
      s.getOutputStream().write(data);
      Clients.readExactly(s.getInputStream(), data.length);
      assertThat(millisSince(start)).isBetween(850L, 4000L);
    }
  }

  @Test
  void bandwidthZeroStallsButKeepsTheConnectionUntilChanged() throws IOException {
    proxy.addToxic(toxic(ToxicType.BANDWIDTH, DOWNSTREAM, Map.of("rate", 0L)));
    try (Socket s = Clients.connect(proxy)) {
      s.getOutputStream().write(ascii("held"));
      s.setSoTimeout(500);
      assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
      s.setSoTimeout(5000);
      proxy.updateToxic(proxy.toxic("bandwidth_downstream").orElseThrow().withAttributes(Map.of("rate", 1000L)));
      assertThat(Clients.readExactly(s.getInputStream(), 4)).isEqualTo(ascii("held"));
    }
  }

  @Test
  void slowCloseDelaysTheClose() throws IOException {
    proxy.addToxic(toxic(ToxicType.SLOW_CLOSE, DOWNSTREAM, Map.of("delay", 400L)));
    try (Socket s = Clients.connect(proxy)) {
      s.getOutputStream().write(ascii("bye"));
      long start = System.nanoTime();
      s.shutdownOutput();
      assertThat(Clients.readAll(s.getInputStream())).isEqualTo("bye");
      assertThat(millisSince(start)).isBetween(380L, 3000L);
    }
  }

  @Test
  void timeoutDropsDataAndClosesAfterTheTimeout() throws IOException {
    proxy.addToxic(toxic(ToxicType.TIMEOUT, UPSTREAM, Map.of("timeout", 300L)));
    try (Socket s = Clients.connect(proxy)) {
      long start = System.nanoTime();
      s.getOutputStream().write(ascii("lost"));
      assertThat(RelayTest.readOrReset(s.getInputStream())).isEqualTo(-1);
      assertThat(millisSince(start)).isBetween(250L, 3000L);
    }
    assertThat(echo.accepted()).isEqualTo(1);
  }

  @Test
  void timeoutZeroNeverClosesAndItsRemovalCloses() throws IOException {
    proxy.addToxic(toxic(ToxicType.TIMEOUT, DOWNSTREAM, Map.of()));
    try (Socket s = Clients.connect(proxy)) {
      s.getOutputStream().write(ascii("lost"));
      s.setSoTimeout(600);
      assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
      s.setSoTimeout(5000);
      proxy.removeToxic("timeout_downstream");
      assertThat(RelayTest.readOrReset(s.getInputStream())).isEqualTo(-1);
    }
  }

  @Test
  void resetPeerResetsAfterItsTimeout() throws IOException {
    proxy.addToxic(toxic(ToxicType.RESET_PEER, UPSTREAM, Map.of("timeout", 200L)));
    try (Socket s = Clients.connect(proxy)) {
      long start = System.nanoTime();
      s.getOutputStream().write(ascii("boom"));
      InputStream in = s.getInputStream();
      assertThatThrownBy(in::read).isInstanceOf(SocketException.class).hasMessageContaining("reset");
      assertThat(millisSince(start)).isBetween(180L, 3000L);
    }
  }

  @Test
  void slicerCutsAndSpacesTheData() throws IOException {
    proxy.addToxic(toxic(ToxicType.SLICER, DOWNSTREAM, Map.of("average_size", 10L, "delay", 20_000L)));
    try (Socket s = Clients.connect(proxy)) {
      String text = "0123456789".repeat(10);
      assertThat(timedRoundTrip(s, text)).isBetween(170L, 3000L);
    }
  }

  @Test
  void limitDataClosesAfterTheLimit() throws IOException {
    proxy.addToxic(toxic(ToxicType.LIMIT_DATA, DOWNSTREAM, Map.of("bytes", 10L)));
    try (Socket s = Clients.connect(proxy)) {
      s.getOutputStream().write(ascii("0123456789abcdefghij"));
      assertThat(Clients.readAll(s.getInputStream())).isEqualTo("0123456789");
    }
  }

  @Test
  void changesApplyToALiveConnection() throws IOException {
    try (Socket s = Clients.connect(proxy)) {
      assertThat(timedRoundTrip(s, "a")).isLessThan(150L);
      proxy.addToxic(toxic(ToxicType.LATENCY, DOWNSTREAM, Map.of("latency", 200L)));
      assertThat(timedRoundTrip(s, "b")).isBetween(190L, 1500L);
      proxy.updateToxic(proxy.toxic("latency_downstream").orElseThrow().withAttributes(Map.of("latency", 500L)));
      assertThat(timedRoundTrip(s, "c")).isBetween(490L, 2000L);
      proxy.removeToxic("latency_downstream");
      assertThat(timedRoundTrip(s, "d")).isLessThan(150L);
    }
  }

  @Test
  void removingAToxicReleasesWhatItHolds() throws IOException {
    proxy.addToxic(toxic(ToxicType.LATENCY, DOWNSTREAM, Map.of("latency", 60_000L)));
    try (Socket s = Clients.connect(proxy)) {
      s.getOutputStream().write(ascii("soon"));
      sleep(200);
      long start = System.nanoTime();
      proxy.removeToxic("latency_downstream");
      assertThat(Clients.readExactly(s.getInputStream(), 4)).isEqualTo(ascii("soon"));
      assertThat(millisSince(start)).isLessThan(1000L);
    }
  }

  @Test
  void resetRemovesToxicsAndEnables() throws IOException {
    proxy.addToxic(toxic(ToxicType.LATENCY, DOWNSTREAM, Map.of("latency", 500L)));
    proxy.disable();
    engine.reset();
    assertThat(proxy.toxics()).isEmpty();
    try (Socket s = Clients.connect(proxy)) {
      assertThat(timedRoundTrip(s, "ok")).isLessThan(300L);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
