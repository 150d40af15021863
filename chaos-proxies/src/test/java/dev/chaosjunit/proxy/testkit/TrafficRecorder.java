package dev.chaosjunit.proxy.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A plain TCP forwarder for tests: it relays every connection to the target unchanged and records each read of
 * either side as it arrived (its bytes and which side sent it). Used to compare what one side of a proxy sent
 * with what the other side received, and to capture a real client's and server's traffic as fuzz seeds (see
 * {@link CapturedSeeds}). Blocking sockets, two threads per connection: a test tool, not the engine.
 */
public final class TrafficRecorder implements AutoCloseable {

  /** One connection's bytes, as hex: from the connecting side ({@code up}) and back ({@code down}). */
  public record Conversation(String up, String down) {}

  private final InetSocketAddress target;
  private final ServerSocket listener;
  private final List<Recording> recordings = new ArrayList<>();

  private TrafficRecorder(InetSocketAddress target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    start("traffic-recorder-accept", this::acceptAll);
  }

  /** Starts recording the connections made to {@link #port()}, each relayed to {@code target}. */
  public static TrafficRecorder to(InetSocketAddress target) {
    try {
      return new TrafficRecorder(target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts recording the connections made to {@link #port()}, each relayed to {@code host:port}. */
  public static TrafficRecorder to(String host, int port) {
    return to(new InetSocketAddress(host, port));
  }

  /** The loopback port clients connect to. */
  public int port() {
    return listener.getLocalPort();
  }

  /**
   * The connections that ended (both ways closed or reset), in the order they were accepted, after waiting up
   * to 5 s for each: their reads in the order they arrived.
   */
  public List<List<FuzzInput.Chunk>> connections() throws InterruptedException {
    List<List<FuzzInput.Chunk>> out = new ArrayList<>();
    for (Recording recording : recordings()) {
      if (recording.ended.await(5, TimeUnit.SECONDS)) {
        out.add(recording.chunks());
      }
    }
    return out;
  }

  /** {@link #connections()}, each as the bytes of either side put together. */
  public List<Conversation> conversations() throws InterruptedException {
    return connections().stream().map(TrafficRecorder::conversation).toList();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }

  private static Conversation conversation(List<FuzzInput.Chunk> reads) {
    ByteArrayOutputStream up = new ByteArrayOutputStream();
    ByteArrayOutputStream down = new ByteArrayOutputStream();
    reads.forEach(read -> (read.fromServer() ? down : up).writeBytes(read.bytes()));
    return new Conversation(HexFormat.of().formatHex(up.toByteArray()), HexFormat.of().formatHex(down.toByteArray()));
  }

  private synchronized List<Recording> recordings() {
    return List.copyOf(recordings);
  }

  private void acceptAll() {
    try {
      while (true) {
        Socket client = listener.accept();
        Socket server = new Socket(target.getAddress(), target.getPort());
        Recording recording = new Recording();
        synchronized (this) {
          recordings.add(recording);
        }
        start("traffic-recorder-up", () -> copy(client, server, false, recording));
        start("traffic-recorder-down", () -> copy(server, client, true, recording));
      }
    } catch (IOException closed) {
      // the listener was closed: no more connections
    }
  }

  private static void start(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void copy(Socket from, Socket to, boolean fromServer, Recording recording) {
    byte[] buffer = new byte[8192];
    try (from; InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        recording.add(fromServer, Arrays.copyOf(buffer, n));
        out.write(buffer, 0, n);
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // a reset ends the conversation like a close
    } finally {
      recording.ended.countDown();
    }
  }

  /** One connection's reads, in the order they arrived from either side. */
  private static final class Recording {
    private final List<FuzzInput.Chunk> chunks = new ArrayList<>();
    final CountDownLatch ended = new CountDownLatch(2);

    synchronized void add(boolean fromServer, byte[] bytes) {
      chunks.add(new FuzzInput.Chunk(fromServer, bytes));
    }

    synchronized List<FuzzInput.Chunk> chunks() {
      return List.copyOf(chunks);
    }
  }
}
