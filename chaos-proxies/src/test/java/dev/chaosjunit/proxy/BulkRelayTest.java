package dev.chaosjunit.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** 1 GiB of random data each way through the proxy (client -> proxy -> echo -> proxy -> client), checksummed. */
class BulkRelayTest {

  private static final Logger LOG = LoggerFactory.getLogger(BulkRelayTest.class);
  private static final int BLOCK = 1 << 20;
  private static final int BLOCKS = 1024;

  @Test
  void relaysOneGibibyteEachWayByteExact() throws Exception {
    try (EchoServer echo = new EchoServer(); ProxyEngine engine = ProxyEngine.start()) {
      Proxy proxy = engine.create(ProxySpec.of("bulk", echo.address()));
      byte[] block = new byte[BLOCK];
      new Random(1).nextBytes(block);
      try (Socket s = Clients.connect(proxy)) {
        long start = System.nanoTime();
        CompletableFuture<Long> sent = CompletableFuture.supplyAsync(() -> send(s, block.clone()));
        long received = receive(s.getInputStream());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(received).isEqualTo(sent.get());
        LOG.info("1 GiB each way through the proxy in {} s ({} MiB/s each way), proxy threads used {} s CPU",
            String.format("%.2f", seconds), String.format("%.0f", BLOCKS / seconds),
            String.format("%.2f", proxyCpuNanos() / 1e9));
      }
      assertThat(proxy.stats().bytesUpstream()).isEqualTo((long) BLOCK * BLOCKS);
      assertThat(proxy.stats().bytesDownstream()).isEqualTo((long) BLOCK * BLOCKS);
    }
  }

  private static long proxyCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("chaos-proxy-io"))
        .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getId()))).sum();
  }

  /** Writes the blocks, each stamped with its number so reordering changes the checksum; returns the CRC. */
  private static long send(Socket s, byte[] block) {
    CRC32 crc = new CRC32();
    try {
      OutputStream out = s.getOutputStream();
      for (int i = 0; i < BLOCKS; i++) {
        stamp(block, i);
        crc.update(block);
        out.write(block);
      }
      s.shutdownOutput();
    } catch (IOException e) {
      throw new IllegalStateException("sending failed", e);
    }
    return crc.getValue();
  }

  private static long receive(InputStream in) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[256 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      crc.update(buffer, 0, n);
      total += n;
    }
    assertThat(total).isEqualTo((long) BLOCK * BLOCKS);
    return crc.getValue();
  }

  private static void stamp(byte[] block, int number) {
    for (int i = 0; i < 4; i++) {
      block[i] = (byte) (number >>> (8 * i));
    }
  }
}
