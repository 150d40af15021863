package dev.chaosjunit.bench;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;

/**
 * Bulk download from the in-JVM {@link BulkSource}: MB/s of one connection reading a fixed amount to the
 * end, the median of a few repetitions.
 */
final class BulkTransfer implements Workload {

  private final long bytes;
  private final int repetitions;

  BulkTransfer(long bytes, int repetitions) {
    this.bytes = bytes;
    this.repetitions = repetitions;
  }

  @Override
  public String protocol() {
    return "tcp";
  }

  @Override
  public List<Figure> run(InetSocketAddress address) throws Exception {
    double[] rates = new double[repetitions];
    for (int i = 0; i < repetitions; i++) {
      rates[i] = once(address);
    }
    Arrays.sort(rates);
    return List.of(new Figure("bulk download (" + (bytes >> 20) + " MiB)", "MB/s", rates[repetitions / 2], true));
  }

  private double once(InetSocketAddress address) throws Exception {
    byte[] buffer = new byte[256 * 1024];
    long received = 0;
    long start = System.nanoTime();
    try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
      socket.setSoTimeout(30_000);
      InputStream in = socket.getInputStream();
      for (int n = in.read(buffer); n >= 0 && received <= bytes; n = in.read(buffer)) {
        received += n;
      }
    }
    if (received != bytes) {
      throw new IllegalStateException("bulk transfer got " + received + " of " + bytes + " bytes");
    }
    return received / 1e6 / ((System.nanoTime() - start) / 1e9);
  }
}
