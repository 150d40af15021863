package dev.chaosjunit.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Small blocking TCP client helpers for tests. */
final class Clients {

  private Clients() {}

  static Socket connect(Proxy proxy) throws IOException {
    Socket s = new Socket();
    s.connect(proxy.listenAddress(), 2000);
    s.setSoTimeout(10_000);
    s.setTcpNoDelay(true);
    return s;
  }

  static Socket connect(InetSocketAddress address) throws IOException {
    Socket s = new Socket();
    s.connect(address, 2000);
    s.setSoTimeout(10_000);
    return s;
  }

  /** Reads exactly {@code n} bytes. */
  static byte[] readExactly(InputStream in, int n) throws IOException {
    byte[] data = in.readNBytes(n);
    if (data.length != n) {
      throw new IOException("expected " + n + " bytes, got " + data.length + " before EOF");
    }
    return data;
  }

  /** Reads until EOF. */
  static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
