package dev.chaosjunit.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A real TCP echo server on loopback: echoes until EOF, then half-closes its side. */
final class EchoServer implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final Thread acceptor;

  EchoServer() throws IOException {
    server = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "echo-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  int accepted() {
    return accepted.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        accepted.incrementAndGet();
        s.setTcpNoDelay(true);
        sockets.add(s);
        Thread t = new Thread(() -> echo(s), "echo-" + accepted.get());
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void echo(Socket s) {
    byte[] buffer = new byte[64 * 1024];
    try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
      }
      s.shutdownOutput();
    } catch (IOException e) {
      // the peer went away: nothing left to echo
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }
}
