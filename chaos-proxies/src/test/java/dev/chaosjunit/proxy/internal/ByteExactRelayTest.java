package dev.chaosjunit.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.fault.ToxicType;
import dev.chaosjunit.proxy.EngineOptions;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A seeded stream each way through the L4 relay on every transport that runs here, checked byte by byte:
 * the client half-closes when it has sent everything and the server sends the last part of its stream only
 * after it saw that end. 1 GiB each way by default; {@code -Dchaos.test.relayMiB=N} changes the size.
 */
class ByteExactRelayTest {

  private static final Logger LOG = LoggerFactory.getLogger(ByteExactRelayTest.class);
  private static final long SIZE = Long.getLong("chaos.test.relayMiB", 1024) << 20;
  /** What the server sends after the client's half-close. */
  private static final int TAIL = 16 << 20;
  /** The latency toxics go on and off this many times each, at even steps of the stream. */
  private static final int SWITCHES = 8;
  private static final long SWITCH_EVERY = SIZE / (SWITCHES + 1);

  /** The transports that run here. */
  static Stream<Transport> transports() {
    return Stream.of(Transport.values()).filter(t -> t.unavailability().isEmpty());
  }

  @ParameterizedTest
  @MethodSource("transports")
  void relaysEachWayByteExactThroughAHalfClose(Transport transport) throws Exception {
    try (DefaultProxyEngine engine = DefaultProxyEngine.start(EngineOptions.defaults().withSeed(7), transport)) {
      Proxy proxy = engine.create(ProxySpec.of("bulk", "127.0.0.1:1"));
      relay(proxy, received -> { });
      assertThat(proxy.stats().bytesUpstream()).isEqualTo(SIZE);
      assertThat(proxy.stats().bytesDownstream()).isEqualTo(SIZE);
    }
  }

  @ParameterizedTest
  @MethodSource("transports")
  void staysByteExactWhileLatencyIsAddedAndRemovedMidStream(Transport transport) throws Exception {
    try (DefaultProxyEngine engine = DefaultProxyEngine.start(EngineOptions.defaults().withSeed(7), transport)) {
      Proxy proxy = engine.create(ProxySpec.of("bulk", "127.0.0.1:1"));
      LatencySwitch latency = new LatencySwitch(proxy);
      relay(proxy, latency::progress);
      assertThat(latency.switches).isEqualTo(SWITCHES);
      assertThat(latency.fired).as("latency firings upstream, downstream").doesNotContain(0L);
      assertThat(proxy.toxics()).isEmpty();
    }
  }

  /** Streams {@link #SIZE} bytes each way through {@code proxy} (pointed at a fresh server) and checks both. */
  private static void relay(Proxy proxy, LongConsumer onReceived) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      proxy.setUpstream("127.0.0.1:" + listener.getLocalPort());
      CompletableFuture<Long> server = CompletableFuture.supplyAsync(() -> serve(listener));
      long start = System.nanoTime();
      try (Socket client = new Socket(proxy.listenAddress().getAddress(), proxy.listenAddress().getPort())) {
        client.setSoTimeout(60_000);
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> sendAndHalfClose(client, Pattern.UP));
        long received = Pattern.DOWN.verify(client.getInputStream(), onReceived);
        sending.get(60, TimeUnit.SECONDS);
        assertThat(received).as("bytes the client received").isEqualTo(SIZE);
      }
      assertThat(server.get(60, TimeUnit.SECONDS)).as("bytes the server received").isEqualTo(SIZE);
      LOG.info("{} MiB each way, byte-exact, in {} ms", SIZE >> 20, (System.nanoTime() - start) / 1_000_000);
    }
  }

  /** Accepts one connection, checks what it receives while sending all but the tail, sends the tail after EOF. */
  private static long serve(ServerSocket listener) {
    try (Socket s = listener.accept()) {
      s.setSoTimeout(60_000);
      CompletableFuture<Long> reading = CompletableFuture.supplyAsync(() -> {
        try {
          return Pattern.UP.verify(s.getInputStream(), received -> { });
        } catch (IOException e) {
          throw new IllegalStateException("server read failed", e);
        }
      });
      OutputStream out = s.getOutputStream();
      Pattern.DOWN.write(out, 0, SIZE - TAIL);
      long received = reading.get(60, TimeUnit.SECONDS);
      Pattern.DOWN.write(out, SIZE - TAIL, SIZE);
      s.shutdownOutput();
      return received;
    } catch (Exception e) {
      throw new IllegalStateException("server failed", e);
    }
  }

  private static void sendAndHalfClose(Socket client, Pattern pattern) {
    try {
      pattern.write(client.getOutputStream(), 0, SIZE);
      client.shutdownOutput();
    } catch (IOException e) {
      throw new IllegalStateException("client send failed", e);
    }
  }

  /**
   * A seeded byte stream: a random 1 MiB block repeated, each copy stamped with its number (so a lost,
   * repeated or reordered block shows), different per direction (so crossed wires show).
   */
  enum Pattern {
    UP(1), DOWN(2);

    private static final int BLOCK = 1 << 20;
    private final byte[] block = new byte[BLOCK];

    Pattern(long seed) {
      new java.util.Random(seed).nextBytes(block);
    }

    /** Fills {@code into[0, n)} with the stream's bytes from {@code position}. */
    void fill(long position, byte[] into, int n) {
      for (int done = 0; done < n; ) {
        long at = position + done;
        int offset = (int) (at % BLOCK);
        int len = Math.min(n - done, BLOCK - offset);
        System.arraycopy(block, offset, into, done, len);
        for (int i = offset; i < Math.min(offset + len, Long.BYTES); i++) {
          into[done + i - offset] = (byte) ((at / BLOCK) >>> (8 * i));
        }
        done += len;
      }
    }

    void write(OutputStream out, long from, long to) throws IOException {
      byte[] buffer = new byte[256 * 1024];
      for (long at = from; at < to; ) {
        int n = (int) Math.min(buffer.length, to - at);
        fill(at, buffer, n);
        out.write(buffer, 0, n);
        at += n;
      }
    }

    /** Reads to EOF, checking every byte against the stream; returns how many came. */
    long verify(InputStream in, LongConsumer onReceived) throws IOException {
      byte[] buffer = new byte[256 * 1024];
      byte[] expected = new byte[buffer.length];
      long at = 0;
      for (int n; (n = in.read(buffer)) >= 0; ) {
        fill(at, expected, n);
        int mismatch = Arrays.mismatch(buffer, 0, n, expected, 0, n);
        assertThat(mismatch).as("%s: first byte that differs from the stream sent, at offset %d", this,
            at + Math.max(mismatch, 0)).isEqualTo(-1);
        at += n;
        onReceived.accept(at);
      }
      return at;
    }
  }

  /** Adds latency both ways, then removes it, every {@link #SWITCH_EVERY} bytes the client received. */
  private static final class LatencySwitch {

    private final Proxy proxy;
    private final long[] fired = new long[2];
    private int switches;

    LatencySwitch(Proxy proxy) {
      this.proxy = proxy;
    }

    void progress(long received) {
      if (switches == SWITCHES || received < (switches + 1) * SWITCH_EVERY) {
        return;
      }
      if (switches % 2 == 0) {
        for (Direction stream : Direction.values()) {
          proxy.addToxic(Toxic.of(ToxicType.LATENCY, stream, Map.of("latency", 3L)));
        }
      } else {
        for (Direction stream : Direction.values()) {
          int i = stream.ordinal();
          String name = "latency_" + stream.wireName();
          fired[i] += proxy.toxicCounters(name).fired();
          proxy.removeToxic(name);
        }
      }
      switches++;
    }
  }
}
