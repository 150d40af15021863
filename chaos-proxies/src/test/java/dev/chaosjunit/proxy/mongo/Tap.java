package dev.chaosjunit.proxy.mongo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A plain TCP forwarder for tests that records each connection's bytes both ways, to compare what one side
 * of the proxy sent with what the other side received. Threads and sockets end when it is closed.
 */
final class Tap implements AutoCloseable {

  /** One connection's bytes, as hex: from the connecting side ({@code up}) and back ({@code down}). */
  record Conversation(String up, String down) {}

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final List<Recording> recordings = new ArrayList<>();

  private Tap(InetSocketAddress target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    start(this::accept);
  }

  static Tap to(InetSocketAddress target) throws IOException {
    return new Tap(target);
  }

  int port() {
    return listener.getLocalPort();
  }

  /** The conversations of the connections that ended, after waiting up to 5 s for all of them to end. */
  synchronized List<Conversation> conversations() throws InterruptedException {
    List<Conversation> out = new ArrayList<>();
    for (Recording recording : recordings) {
      if (recording.ended.await(5, TimeUnit.SECONDS)) {
        out.add(new Conversation(HexFormat.of().formatHex(recording.up.toByteArray()),
            HexFormat.of().formatHex(recording.down.toByteArray())));
      }
    }
    return out;
  }

  private void accept() {
    try {
      while (true) {
        Socket client = listener.accept();
        Socket server = new Socket(target.getAddress(), target.getPort());
        Recording recording = new Recording();
        synchronized (this) {
          recordings.add(recording);
        }
        start(() -> copy(client, server, recording.up, recording.ended));
        start(() -> copy(server, client, recording.down, recording.ended));
      }
    } catch (IOException closed) {
      // the listener was closed: no more connections
    }
  }

  private static void start(Runnable task) {
    Thread thread = new Thread(task, "tap");
    thread.setDaemon(true);
    thread.start();
  }

  private static void copy(Socket from, Socket to, ByteArrayOutputStream record, CountDownLatch ended) {
    byte[] chunk = new byte[8192];
    try (from; InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(chunk)) >= 0; ) {
        synchronized (record) {
          record.write(chunk, 0, n);
        }
        out.write(chunk, 0, n);
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // a reset ends the conversation like a close
    } finally {
      ended.countDown();
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }

  private static final class Recording {
    final ByteArrayOutputStream up = new ByteArrayOutputStream();
    final ByteArrayOutputStream down = new ByteArrayOutputStream();
    final CountDownLatch ended = new CountDownLatch(2);
  }
}
