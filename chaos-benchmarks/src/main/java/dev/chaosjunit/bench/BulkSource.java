package dev.chaosjunit.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A loopback server that sends a fixed number of bytes to each connection, then closes it. */
final class BulkSource implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BulkSource.class);

  private final ServerSocket server;
  private final long bytes;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  BulkSource(long bytes) throws IOException {
    this.bytes = bytes;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptLoop);
  }

  InetSocketAddress address() {
    return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        threads.execute(() -> send(socket));
      } catch (IOException e) {
        LOG.debug("bulk source stopped accepting", e);
        return;
      }
    }
  }

  private void send(Socket socket) {
    byte[] chunk = new byte[256 * 1024];
    try (socket; OutputStream out = socket.getOutputStream()) {
      for (long sent = 0; sent < bytes; sent += chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
      }
    } catch (IOException e) {
      LOG.debug("bulk source: {} went away before the end (e.g. a probe)", socket.getRemoteSocketAddress(), e);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
