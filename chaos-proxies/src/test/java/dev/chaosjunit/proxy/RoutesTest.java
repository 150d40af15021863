package dev.chaosjunit.proxy;

import static dev.chaosjunit.proxy.Clients.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routes: extra listeners a protocol opens through {@link dev.chaosjunit.proxy.protocol.Routes} (here the
 * test protocol's {@code ROUTE} command), over real sockets to real echo servers.
 */
class RoutesTest {

  private EchoServer bootstrap;
  private EchoServer other;
  private ProxyEngine engine;

  @BeforeEach
  void start() throws IOException {
    bootstrap = new EchoServer();
    other = new EchoServer();
    engine = ProxyEngine.start(EngineOptions.defaults().withSeed(7));
  }

  @AfterEach
  void stop() throws IOException {
    engine.close();
    bootstrap.close();
    other.close();
  }

  @Test
  void aRouteOpensOnFirstUseAndRelaysToItsOwnUpstreamWithTheProxysRules() throws IOException {
    Proxy proxy = engine.create(ProxySpec.of("lines", bootstrap.address()).withProtocol("line"));
    InetSocketAddress route = route(proxy, "b-1 1 " + other.address());
    assertThat(route(proxy, "b-1 1 " + other.address())).as("same key, same route").isEqualTo(route);
    proxy.addRule(new Rule("ro", "", Direction.UPSTREAM, Map.of("command", "SET"),
        Action.Error.of("", "READONLY"), 1, 0, 0));

    try (Socket s = Clients.connect(route)) {
      assertThat(roundTrip(s, "GET a")).isEqualTo("GET a");
      assertThat(roundTrip(s, "SET a 1")).isEqualTo("-ERR READONLY");
    }
    assertThat(other.accepted()).isEqualTo(1);
    assertThat(proxy.ruleCounters("ro").fired()).isEqualTo(1);
    assertThat(proxy.routes()).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("b-1");
      assertThat(r.upstream()).isEqualTo(other.address());
      assertThat(r.listenAddress().getPort()).isEqualTo(route.getPort()).isNotEqualTo(proxy.listenAddress().getPort());
      assertThat(r.connectionsAccepted()).isEqualTo(1);
    });
  }

  @Test
  void routesAreDisabledEnabledAndRemovedWithTheProxy() throws Exception {
    Proxy proxy = engine.create(ProxySpec.of("lines", bootstrap.address()).withProtocol("line"));
    InetSocketAddress route = route(proxy, "b-1 1 " + other.address());

    proxy.disable();
    assertNobodyListensOn(route);
    proxy.enable();
    try (Socket s = Clients.connect(route)) {
      assertThat(roundTrip(s, "PING")).isEqualTo("PING");
    }
    assertThat(proxy.routes()).singleElement().extracting(Route::listenAddress).isEqualTo(route);

    engine.remove("lines");
    assertNobodyListensOn(route);
  }

  /**
   * Binding the port succeeds (within 2 s: NIO frees a closed listener's port at its loop's next select).
   * A refused connect is no proof: a loopback connect to a free ephemeral port can connect to itself.
   */
  private static void assertNobodyListensOn(InetSocketAddress address) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (true) {
      try (ServerSocket free = new ServerSocket(address.getPort(), 1, address.getAddress())) {
        assertThat(free.getLocalPort()).isEqualTo(address.getPort());
        return;
      } catch (BindException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("something still listens on " + address, e);
        }
        Thread.sleep(20);
      }
    }
  }

  @Test
  void aRouteFollowsItsUpstreamWhenTheAddressChanges() throws IOException {
    Proxy proxy = engine.create(ProxySpec.of("lines", bootstrap.address()).withProtocol("line"));
    InetSocketAddress route = route(proxy, "b-1 1 " + bootstrap.address());
    assertThat(route(proxy, "b-1 1 " + other.address())).isEqualTo(route);

    try (Socket s = Clients.connect(route)) {
      assertThat(roundTrip(s, "PING")).isEqualTo("PING");
    }
    assertThat(other.accepted()).isEqualTo(1);
    assertThat(proxy.routes()).singleElement().extracting(Route::upstream).isEqualTo(other.address());
  }

  @Test
  void aMovedServerTakesTheRoutesToItsOldAddressAlongNowAndWhenTheyAreNamedAgain() throws IOException {
    Proxy proxy = engine.create(ProxySpec.of("lines", bootstrap.address()).withProtocol("line"));
    InetSocketAddress route = route(proxy, "b-1 1 " + bootstrap.address());

    proxy.moveUpstream(other.address());

    assertThat(proxy.upstream()).isEqualTo(other.address());
    assertThat(proxy.routes()).singleElement().extracting(Route::upstream).as("the route already there")
        .isEqualTo(other.address());
    assertThat(route(proxy, "b-1 1 " + bootstrap.address())).as("named by the old address again").isEqualTo(route);
    int oldServer = bootstrap.accepted();
    try (Socket s = Clients.connect(route)) {
      assertThat(roundTrip(s, "PING")).isEqualTo("PING");
    }
    assertThat(bootstrap.accepted()).as("the route's connection went where the server is now").isEqualTo(oldServer);
    assertThat(proxy.routes()).singleElement().extracting(Route::upstream).isEqualTo(other.address());
  }

  @Test
  void aProxyOnAFixedPortPutsRouteNAtItsPortPlusOnePlusN() throws IOException {
    int port = freePortWithFreeNeighbour(3);
    Proxy proxy = engine.create(ProxySpec.of("lines", "127.0.0.1:" + port, bootstrap.address()).withProtocol("line"));

    assertThat(route(proxy, "b-2 2 " + other.address()).getPort()).isEqualTo(port + 3);
  }

  @Test
  void aRouteWhosePortIsTakenFailsWithAClearError() throws IOException {
    int port = freePortWithFreeNeighbour(1);
    Proxy proxy = engine.create(ProxySpec.of("lines", "127.0.0.1:" + port, bootstrap.address()).withProtocol("line"));
    try (ServerSocket squatter = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress());
        Socket s = Clients.connect(proxy)) {
      assertThat(roundTrip(s, "ROUTE b-0 0 " + other.address()))
          .startsWith("-ERR route [b-0] to 127.0.0.1:" + other.address().split(":")[1])
          .contains("port + 1 + ordinal", "cannot listen on 127.0.0.1:" + (port + 1), "choose a free port");
    }
    assertThat(proxy.routes()).isEmpty();
  }

  @Test
  void badRouteArgumentsAreRefusedByName() throws IOException {
    Proxy proxy = engine.create(ProxySpec.of("lines", bootstrap.address()).withProtocol("line"));
    try (Socket s = Clients.connect(proxy)) {
      assertThat(roundTrip(s, "ROUTE b-x -1 " + other.address()))
          .isEqualTo("-ERR proxy [lines]: route [b-x] needs an ordinal >= 0 and a port in 1..65535, got ordinal [-1] port ["
              + other.address().split(":")[1] + "]");
    }
  }

  private static InetSocketAddress route(Proxy proxy, String args) throws IOException {
    try (Socket s = Clients.connect(proxy)) {
      String[] reply = roundTrip(s, "ROUTE " + args).split(":");
      assertThat(reply).as("ROUTE reply").hasSize(2);
      return new InetSocketAddress(reply[0], Integer.parseInt(reply[1]));
    }
  }

  private static String roundTrip(Socket s, String line) throws IOException {
    s.getOutputStream().write(ascii(line + "\n"));
    return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
  }

  /** A free port whose neighbour {@code offset} above is free too (checked, not guaranteed, like any free port). */
  private static int freePortWithFreeNeighbour(int offset) throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      int port;
      try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = probe.getLocalPort();
      }
      if (port + offset <= 65_535 && free(port + offset)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port pair found");
  }

  private static boolean free(int port) {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort() == port;
    } catch (IOException e) {
      return false;
    }
  }
}
