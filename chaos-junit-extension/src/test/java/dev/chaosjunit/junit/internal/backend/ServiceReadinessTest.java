package dev.chaosjunit.junit.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When a started container of an unknown image counts as serving: a connection must be accepted and kept.
 * Docker's port forwarder accepts a connection while nothing listens in the container and closes it at
 * once; these servers play it, a silent server (the client speaks first) and a greeting one.
 */
class ServiceReadinessTest {

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void aConnectionClosedAtOnceIsNotServing() throws IOException {
    try (ServerSocket forwarder = server(socket -> socket.close())) {
      assertThat(ServiceContainer.holdsConnection(address(forwarder))).isFalse();
    }
  }

  @Test
  void aConnectionKeptOpenIsServing() throws IOException {
    try (ServerSocket silent = server(socket -> { })) {
      assertThat(ServiceContainer.holdsConnection(address(silent))).isTrue();
    }
  }

  @Test
  void aGreetingIsServing() throws IOException {
    try (ServerSocket greeting = server(socket -> {
      OutputStream out = socket.getOutputStream();
      out.write("220 ready\r\n".getBytes());
      out.flush();
    })) {
      assertThat(ServiceContainer.holdsConnection(address(greeting))).isTrue();
    }
  }

  @Test
  void nothingListeningIsNotServing() throws IOException {
    InetSocketAddress free;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      free = address(closed);
    }
    assertThat(ServiceContainer.holdsConnection(free)).isFalse();
  }

  private ServerSocket server(Handler handler) throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(() -> {
      while (!server.isClosed()) {
        Socket socket = server.accept();
        handler.handle(socket);
      }
      return null;
    });
    return server;
  }

  private static InetSocketAddress address(ServerSocket server) {
    return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
  }

  /** What the server does with each accepted connection. */
  @FunctionalInterface
  private interface Handler {
    void handle(Socket socket) throws IOException;
  }
}
