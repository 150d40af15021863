package dev.chaosjunit.proxy;

import static dev.chaosjunit.proxy.Clients.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RelayTest {

  private EchoServer echo;
  private ProxyEngine engine;

  @BeforeEach
  void start() throws IOException {
    echo = new EchoServer();
    engine = ProxyEngine.start(EngineOptions.defaults().withSeed(42));
  }

  @AfterEach
  void stop() throws IOException {
    engine.close();
    echo.close();
  }

  @Test
  void relaysBothWays() throws IOException {
    Proxy proxy = engine.create(ProxySpec.of("echo", echo.address()));
    try (Socket s = Clients.connect(proxy)) {
      s.getOutputStream().write(ascii("hello proxy"));
      assertThat(Clients.readExactly(s.getInputStream(), 11)).isEqualTo(ascii("hello proxy"));
    }
    assertThat(proxy.listenAddress().getPort()).isPositive();
    assertThat(proxy.stats().bytesUpstream()).isEqualTo(11);
  }

  @Test
  void halfCloseStillGetsTheReply() throws IOException {
    Proxy proxy = engine.create(ProxySpec.of("echo", echo.address()));
    try (Socket s = Clients.connect(proxy)) {
      s.getOutputStream().write(ascii("last words"));
      s.shutdownOutput();
      assertThat(Clients.readAll(s.getInputStream())).isEqualTo("last words");
    }
  }

  @Test
  void halfClosedClientGetsALargeReplyItReadsLate() throws Exception {
    int size = 16 << 20;
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> replier = CompletableFuture.runAsync(() -> replyAfterEof(server, size));
      Proxy proxy = engine.create(ProxySpec.of("blob", "127.0.0.1:" + server.getLocalPort()));
      try (Socket s = Clients.connect(proxy)) {
        s.getOutputStream().write(ascii("give"));
        s.shutdownOutput();
        Thread.sleep(300);
        assertThat(s.getInputStream().readAllBytes()).hasSize(size);
      }
      replier.get(10, TimeUnit.SECONDS);
    }
  }

  /** Accepts one connection, reads to EOF, then sends {@code size} bytes and closes. */
  private static void replyAfterEof(ServerSocket server, int size) {
    try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
      in.readAllBytes();
      out.write(new byte[size]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void fiveHundredConcurrentConnections() throws Exception {
    Proxy proxy = engine.create(ProxySpec.of("echo", echo.address()));
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 500; i++) {
        sockets.add(Clients.connect(proxy));
      }
      for (int i = 0; i < sockets.size(); i++) {
        sockets.get(i).getOutputStream().write(ascii("conn-" + i + ";"));
      }
      for (int i = 0; i < sockets.size(); i++) {
        String expected = "conn-" + i + ";";
        assertThat(new String(Clients.readExactly(sockets.get(i).getInputStream(), expected.length())))
            .isEqualTo(expected);
      }
      assertThat(proxy.stats().connectionsActive()).isEqualTo(500);
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  @Test
  void unreachableUpstreamClosesTheClientAndKeepsServing() throws Exception {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    Proxy dead = engine.create(ProxySpec.of("dead", "127.0.0.1:" + deadPort));
    try (Socket s = Clients.connect(dead)) {
      assertThat(readOrReset(s.getInputStream())).isEqualTo(-1);
    }
    assertThat(engine.events().recent()).anySatisfy(e ->
        assertThat(e).isInstanceOf(ProxyEvent.UpstreamUnreachable.class));
    relaysBothWays();
  }

  @Test
  void listenPortInUseIsAClearError() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> engine.create(ProxySpec.of("p", "127.0.0.1:" + taken.getLocalPort(), echo.address())))
          .isInstanceOf(ProxyListenException.class)
          .hasMessageContaining("proxy [p]: cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("choose a free port");
    }
    assertThat(engine.proxies()).isEmpty();
  }

  @Test
  void enableWaitsForAPortThatSomeoneHeldWhileTheProxyWasDisabled() throws Exception {
    Proxy proxy = engine.create(ProxySpec.of("held", echo.address()));
    int port = proxy.listenAddress().getPort();
    proxy.disable();
    ServerSocket holder = bindWhenFree(port);
    Thread releaser = new Thread(() -> {
      try {
        Thread.sleep(300);
        holder.close();
      } catch (InterruptedException | IOException e) {
        throw new IllegalStateException(e);
      }
    });
    releaser.start();
    proxy.enable();
    releaser.join();
    assertThat(proxy.listenAddress().getPort()).isEqualTo(port);
    try (Socket s = Clients.connect(proxy)) {
      s.getOutputStream().write(ascii("ok"));
      assertThat(Clients.readExactly(s.getInputStream(), 2)).isEqualTo(ascii("ok"));
    }
  }

  @Test
  void badSpecsAreRejected() {
    engine.create(ProxySpec.of("a", echo.address()));
    assertThatThrownBy(() -> engine.create(ProxySpec.of("a", echo.address())))
        .isInstanceOf(NameConflictException.class).hasMessage("proxy [a] already exists");
    assertThatThrownBy(() -> engine.create(ProxySpec.of("b", echo.address()).withProtocol("smtp")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown protocol [smtp]; known protocols: [").hasMessageContaining("line");
    assertThatThrownBy(() -> ProxySpec.of("c", "nowhere"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be host:port");
  }

  @Test
  void disableRefusesAndClosesLiveConnectionsThenEnableServesAgain() throws Exception {
    Proxy proxy = engine.create(ProxySpec.of("echo", echo.address()));
    try (Socket live = Clients.connect(proxy)) {
      live.getOutputStream().write(ascii("x"));
      Clients.readExactly(live.getInputStream(), 1);
      proxy.disable();
      assertThat(readOrReset(live.getInputStream())).isEqualTo(-1);
    }
    // Nobody listens on the port any more: binding it succeeds. (A connect attempt is no proof on a
    // busy machine: another process may take the freed port, or a loopback connect may self-connect.)
    // NIO releases a closed server socket's port at its selector's next wake-up: allow it 2 s.
    int port = proxy.listenAddress().getPort();
    try (ServerSocket free = bindWithin(port, Duration.ofSeconds(2))) {
      assertThat(free.getLocalPort()).isEqualTo(port);
    }
    proxy.enable();
    try (Socket s = Clients.connect(proxy)) {
      s.getOutputStream().write(ascii("back"));
      assertThat(Clients.readExactly(s.getInputStream(), 4)).isEqualTo(ascii("back"));
    }
  }

  private static ServerSocket bindWithin(int port, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      try {
        return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
      } catch (java.net.BindException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(20);
      }
    }
  }

  @Test
  void upstreamAndListenCanMove() throws IOException {
    Proxy proxy = engine.create(ProxySpec.of("moving", "127.0.0.1:1"));
    proxy.setUpstream(echo.address());
    assertThat(proxy.upstream()).isEqualTo(echo.address());
    int before = proxy.listenAddress().getPort();
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int free = probe.getLocalPort();
      probe.close();
      proxy.setListen("127.0.0.1:" + free);
    }
    assertThat(proxy.listenAddress().getPort()).isNotEqualTo(before);
    try (Socket s = Clients.connect(proxy)) {
      s.getOutputStream().write(ascii("moved"));
      assertThat(Clients.readExactly(s.getInputStream(), 5)).isEqualTo(ascii("moved"));
    }
    assertThatThrownBy(() -> Clients.connect(new java.net.InetSocketAddress("127.0.0.1", before)))
        .isInstanceOf(IOException.class);
  }

  @Test
  void proxiesAreListedInCreationOrderAndRemovable() {
    engine.create(ProxySpec.of("z", echo.address()));
    engine.create(ProxySpec.of("a", echo.address()));
    assertThat(engine.proxies()).extracting(Proxy::name).containsExactly("z", "a");
    engine.remove("z");
    assertThat(engine.proxy("z")).isEmpty();
    assertThatThrownBy(() -> engine.remove("z")).hasMessageContaining("proxy [z] not found");
  }

  @Test
  void closeFreesPortsAndThreads() throws Exception {
    Proxy proxy = engine.create(ProxySpec.of("echo", echo.address()));
    try (Socket s = Clients.connect(proxy)) {
      s.getOutputStream().write(ascii("x"));
      Clients.readExactly(s.getInputStream(), 1);
      engine.close();
      assertThat(readOrReset(s.getInputStream())).isEqualTo(-1);
    }
    try (ServerSocket again = new ServerSocket(proxy.listenAddress().getPort(), 1, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).isEqualTo(proxy.listenAddress().getPort());
    }
    // An event loop completes its termination future just before its thread returns: give the threads a moment.
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("chaos-proxy-io")) {
        t.join(5000);
      }
    }
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("chaos-proxy-io") && t.isAlive());
  }

  /** NIO closes a server socket's file descriptor at its selector's next wake-up: the port frees soon after. */
  private static ServerSocket bindWhenFree(int port) throws Exception {
    for (int attempt = 0; ; attempt++) {
      try {
        return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
      } catch (IOException busy) {
        if (attempt == 100) {
          throw busy;
        }
        Thread.sleep(10);
      }
    }
  }

  static int readOrReset(InputStream in) {
    try {
      return in.read();
    } catch (IOException e) {
      return -1;
    }
  }
}
