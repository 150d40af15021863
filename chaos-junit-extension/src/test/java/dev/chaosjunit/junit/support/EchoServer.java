package dev.chaosjunit.junit.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A real TCP echo server on loopback, one per test JVM, for fixtures that need an upstream without Docker. */
public final class EchoServer {

  private static final EchoServer SHARED = new EchoServer();

  private final ServerSocket socket;

  private EchoServer() {
    try {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::acceptLoop, "echo-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The shared server. */
  public static InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", SHARED.socket.getLocalPort());
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread echo = new Thread(() -> echo(client), "echo-connection");
        echo.setDaemon(true);
        echo.start();
      } catch (IOException e) {
        throw new UncheckedIOException("echo server stopped accepting", e);
      }
    }
  }

  private static void echo(Socket client) {
    try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // the client reset or the proxy cut the connection: that is what these tests inject
      org.slf4j.LoggerFactory.getLogger(EchoServer.class).debug("echo connection ended: {}", e.toString());
    }
  }
}
