package dev.chaosjunit.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.proxy.EngineOptions;
import dev.chaosjunit.proxy.ProxyEngine;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each toxic type, added with toxiproxy-java, does to a real TCP client what Toxiproxy's does (tolerant timings). */
class ToxiproxyJavaToxicEffectsTest {

  private ProxyEngine engine;
  private AdminServer admin;
  private EchoServer upstream;
  private Proxy proxy;

  @BeforeEach
  void start() throws IOException {
    upstream = new EchoServer();
    engine = ProxyEngine.start(EngineOptions.defaults().withSeed(11));
    admin = AdminServer.start(engine, "127.0.0.1", 0);
    proxy = new ToxiproxyClient("127.0.0.1", admin.address().getPort())
        .createProxy("echo", "127.0.0.1:0", upstream.address());
  }

  @AfterEach
  void stop() throws IOException {
    admin.close();
    engine.close();
    upstream.close();
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(Connections.address(proxy.getListen()), 2000);
    socket.setSoTimeout(5000);
    return socket;
  }

  @Test
  void bandwidthLimitsTheRate() throws IOException {
    proxy.toxics().bandwidth("slow", ToxicDirection.DOWNSTREAM, 100);
    byte[] data = new byte[50_000];
    try (Socket socket = connect()) {
      long start = System.nanoTime();
      socket.getOutputStream().write(data);
      assertThat(socket.getInputStream().readNBytes(data.length)).hasSize(data.length);
      assertThat((System.nanoTime() - start) / 1_000_000).isBetween(350L, 4000L);
    }
  }

  @Test
  void limitDataClosesAfterTheBytes() throws IOException {
    proxy.toxics().limitData("limit", ToxicDirection.DOWNSTREAM, 10);
    try (Socket socket = connect()) {
      socket.getOutputStream().write(new byte[100]);
      assertThat(socket.getInputStream().readAllBytes()).hasSize(10);
    }
  }

  @Test
  void timeoutSwallowsDataThenCloses() throws IOException {
    proxy.toxics().timeout("timeout", ToxicDirection.UPSTREAM, 300);
    try (Socket socket = connect()) {
      long start = System.nanoTime();
      socket.getOutputStream().write("hello".getBytes());
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
      assertThat((System.nanoTime() - start) / 1_000_000).isBetween(250L, 4000L);
    }
  }

  @Test
  void resetPeerResetsTheConnection() throws IOException {
    proxy.toxics().resetPeer("reset", ToxicDirection.UPSTREAM, 0);
    try (Socket socket = connect()) {
      socket.getOutputStream().write("hello".getBytes());
      assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketException.class);
    }
  }

  @Test
  void slicerDeliversEveryByteInDelayedSlices() throws IOException {
    proxy.toxics().slicer("slicer", ToxicDirection.DOWNSTREAM, 1, 2_000);
    byte[] data = "0123456789abcdefghij".getBytes();
    try (Socket socket = connect()) {
      long start = System.nanoTime();
      socket.getOutputStream().write(data);
      assertThat(socket.getInputStream().readNBytes(data.length)).isEqualTo(data);
      assertThat((System.nanoTime() - start) / 1_000_000).isBetween(30L, 4000L);
    }
  }

  @Test
  void slowCloseDelaysTheClose() throws IOException {
    proxy.toxics().slowClose("slow_close", ToxicDirection.DOWNSTREAM, 300);
    try (Socket socket = connect()) {
      socket.getOutputStream().write("bye".getBytes());
      InputStream in = socket.getInputStream();
      assertThat(new String(in.readNBytes(3))).isEqualTo("bye");
      long start = System.nanoTime();
      socket.shutdownOutput();
      assertThat(in.read()).isEqualTo(-1);
      assertThat((System.nanoTime() - start) / 1_000_000).isBetween(250L, 4000L);
    }
  }

  @Test
  void toxicityZeroSparesEveryConnection() throws IOException {
    proxy.toxics().latency("never", ToxicDirection.DOWNSTREAM, 1_000).setToxicity(0f);
    assertThat(Connections.echoMillis(proxy.getListen(), "spared")).isLessThan(500L);
  }
}
