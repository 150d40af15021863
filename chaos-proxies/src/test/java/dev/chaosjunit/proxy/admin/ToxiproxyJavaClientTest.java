package dev.chaosjunit.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.proxy.EngineOptions;
import dev.chaosjunit.proxy.ProxyEngine;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official Toxiproxy Java client drives every operation it offers against our admin API. */
class ToxiproxyJavaClientTest {

  private ProxyEngine engine;
  private AdminServer admin;
  private EchoServer upstream;
  private ToxiproxyClient client;

  @BeforeEach
  void start() throws IOException {
    upstream = new EchoServer();
    engine = ProxyEngine.start(EngineOptions.defaults().withSeed(42));
    admin = AdminServer.start(engine, "127.0.0.1", 0);
    client = new ToxiproxyClient("127.0.0.1", admin.address().getPort());
  }

  @AfterEach
  void stop() throws IOException {
    admin.close();
    engine.close();
    upstream.close();
  }

  @Test
  void versionAnswersTheServerVersion() throws IOException {
    assertThat(client.version()).startsWith("{\"version\": \"").endsWith("\"}");
  }

  @Test
  void createsListsGetsAndDeletesProxies() throws IOException {
    Proxy created = client.createProxy("echo", "127.0.0.1:0", upstream.address());
    assertThat(created.getName()).isEqualTo("echo");
    assertThat(created.getListen()).startsWith("127.0.0.1:").isNotEqualTo("127.0.0.1:0");
    assertThat(created.getUpstream()).isEqualTo(upstream.address());
    assertThat(created.isEnabled()).isTrue();
    assertThat(Connections.echoMillis(created.getListen(), "hello")).isLessThan(1000);

    assertThat(client.getProxies()).extracting(Proxy::getName).containsExactly("echo");
    assertThat(client.getProxy("echo").getListen()).isEqualTo(created.getListen());
    assertThat(client.getProxyOrNull("missing")).isNull();

    created.delete();
    assertThat(client.getProxies()).isEmpty();
    assertThatThrownBy(() -> client.getProxy("echo")).isInstanceOf(IOException.class)
        .hasMessage("[404] proxy not found");
  }

  @Test
  void refusesADuplicateProxyWithToxiproxysMessage() throws IOException {
    client.createProxy("echo", "127.0.0.1:0", upstream.address());
    assertThatThrownBy(() -> client.createProxy("echo", "127.0.0.1:0", upstream.address()))
        .isInstanceOf(IOException.class).hasMessage("[409] proxy already exists");
  }

  @Test
  void disablesAndEnablesAProxy() throws IOException {
    Proxy proxy = client.createProxy("echo", "127.0.0.1:0", upstream.address());
    proxy.disable();
    assertThat(proxy.isEnabled()).isFalse();
    assertThatThrownBy(() -> Connections.echoMillis(proxy.getListen(), "x")).isInstanceOf(IOException.class);
    proxy.enable();
    assertThat(proxy.isEnabled()).isTrue();
    assertThat(Connections.echoMillis(proxy.getListen(), "back")).isLessThan(1000);
  }

  @Test
  void movesAProxyToAnotherListenAddressAndUpstream() throws IOException {
    Proxy proxy = client.createProxy("echo", "127.0.0.1:0", "127.0.0.1:1");
    proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 5);
    proxy.setUpstream(upstream.address());
    assertThat(proxy.getUpstream()).isEqualTo(upstream.address());
    int port = freePort();
    proxy.setListen("127.0.0.1:" + port);
    assertThat(proxy.getListen()).isEqualTo("127.0.0.1:" + port);
    assertThat(Connections.echoMillis(proxy.getListen(), "moved")).isLessThan(2000);
    assertThat(proxy.toxics().getAll()).extracting(Toxic::getName).containsExactly("slow");
  }

  @Test
  void createsReadsUpdatesAndRemovesEveryToxicType() throws IOException {
    Proxy proxy = client.createProxy("echo", "127.0.0.1:0", upstream.address());
    var toxics = proxy.toxics();
    Latency latency = toxics.latency("latency", ToxicDirection.DOWNSTREAM, 100).setJitter(10).setLatency(50);
    Bandwidth bandwidth = toxics.bandwidth("bandwidth", ToxicDirection.UPSTREAM, 1000).setRate(2000);
    Slicer slicer = toxics.slicer("slicer", ToxicDirection.DOWNSTREAM, 10, 5).setSizeVariation(2)
        .setAverageSize(20).setDelay(7);
    SlowClose slowClose = toxics.slowClose("slow_close", ToxicDirection.DOWNSTREAM, 100).setDelay(200);
    Timeout timeout = toxics.timeout("timeout", ToxicDirection.UPSTREAM, 1000).setTimeout(3000);
    LimitData limitData = toxics.limitData("limit_data", ToxicDirection.UPSTREAM, 100).setBytes(500);
    ResetPeer resetPeer = toxics.resetPeer("reset_peer", ToxicDirection.DOWNSTREAM, 100).setTimeout(300);

    assertThat(latency.getLatency()).isEqualTo(50);
    assertThat(latency.getJitter()).isEqualTo(10);
    assertThat(bandwidth.getRate()).isEqualTo(2000);
    assertThat(slicer.getAverageSize()).isEqualTo(20);
    assertThat(slicer.getSizeVariation()).isEqualTo(2);
    assertThat(slicer.getDelay()).isEqualTo(7);
    assertThat(slowClose.getDelay()).isEqualTo(200);
    assertThat(timeout.getTimeout()).isEqualTo(3000);
    assertThat(limitData.getBytes()).isEqualTo(500);
    assertThat(resetPeer.getTimeout()).isEqualTo(300);
    assertThat(bandwidth.getStream()).isEqualTo(ToxicDirection.UPSTREAM);

    assertThat(toxics.getAll()).extracting(Toxic::getName).containsExactlyInAnyOrder(
        "latency", "bandwidth", "slicer", "slow_close", "timeout", "limit_data", "reset_peer");
    assertThat(toxics.get("slicer", Slicer.class).getDelay()).isEqualTo(7);
    assertThat(toxics.get("latency")).isInstanceOf(Latency.class);

    latency.setToxicity(0.5f);
    assertThat(latency.getToxicity()).isEqualTo(0.5f);
    assertThat(toxics.get("latency", Latency.class).getLatency()).isEqualTo(50);

    for (Toxic toxic : toxics.getAll()) {
      toxic.remove();
    }
    assertThat(toxics.getAll()).isEmpty();
  }

  @Test
  void aLatencyToxicDelaysLiveTrafficAndResetClearsIt() throws IOException {
    Proxy proxy = client.createProxy("echo", "127.0.0.1:0", upstream.address());
    proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 300);
    assertThat(Connections.echoMillis(proxy.getListen(), "slow")).isBetween(250L, 3000L);
    proxy.disable();

    client.reset();

    assertThat(proxy.isEnabled()).isTrue();
    assertThat(proxy.toxics().getAll()).isEmpty();
    assertThat(Connections.echoMillis(proxy.getListen(), "fast")).isLessThan(250L);
  }

  @Test
  void reportsToxicErrorsWithToxiproxysStatus() throws IOException {
    Proxy proxy = client.createProxy("echo", "127.0.0.1:0", upstream.address());
    proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 10);
    assertThatThrownBy(() -> proxy.toxics().latency("slow", ToxicDirection.UPSTREAM, 10))
        .isInstanceOf(IOException.class).hasMessage("[409] toxic already exists");
    assertThatThrownBy(() -> proxy.toxics().get("missing")).isInstanceOf(IOException.class)
        .hasMessage("[404] toxic not found");
    assertThatThrownBy(() -> proxy.toxics().latency("negative", ToxicDirection.UPSTREAM, -5))
        .isInstanceOf(IOException.class).hasMessageStartingWith("[400] ").hasMessageContaining("latency");
  }

  private static int freePort() throws IOException {
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
