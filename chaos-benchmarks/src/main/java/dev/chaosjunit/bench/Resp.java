package dev.chaosjunit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A minimal blocking RESP client whose replies have a known length, so reading them is exact. */
final class Resp implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  Resp(InetSocketAddress address) throws IOException {
    socket = new Socket(address.getAddress(), address.getPort());
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  static byte[] command(String... words) {
    StringBuilder resp = new StringBuilder("*").append(words.length).append("\r\n");
    for (String word : words) {
      resp.append('$').append(word.length()).append("\r\n").append(word).append("\r\n");
    }
    return resp.toString().getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] repeat(byte[] bytes, int times) {
    byte[] all = new byte[bytes.length * times];
    for (int i = 0; i < times; i++) {
      System.arraycopy(bytes, 0, all, i * bytes.length, bytes.length);
    }
    return all;
  }

  /** Sends the bytes and reads exactly {@code expected.length} reply bytes, checking them. */
  void exchange(byte[] request, byte[] expected, byte[] buffer) throws IOException {
    out.write(request);
    int read = 0;
    while (read < expected.length) {
      int n = in.read(buffer, read, expected.length - read);
      if (n < 0) {
        throw new IOException("connection closed after " + read + " of " + expected.length + " reply bytes");
      }
      read += n;
    }
    if (!Arrays.equals(buffer, 0, read, expected, 0, read)) {
      throw new IOException("unexpected reply: " + new String(Arrays.copyOf(buffer, read), StandardCharsets.US_ASCII));
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
