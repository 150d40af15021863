package dev.chaosjunit.proxy.admin;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Real TCP clients for the proxies under test. */
final class Connections {

  private Connections() {}

  static InetSocketAddress address(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }

  /** Sends a line through the proxy and returns the echo and how long the round trip took, in ms. */
  static long echoMillis(String listen, String text) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(address(listen), 2000);
      socket.setSoTimeout(5000);
      long start = System.nanoTime();
      socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
      byte[] expected = text.getBytes(StandardCharsets.UTF_8);
      InputStream in = socket.getInputStream();
      byte[] got = in.readNBytes(expected.length);
      if (!new String(got, StandardCharsets.UTF_8).equals(text)) {
        throw new IOException("echo mismatch: sent [" + text + "], got [" + new String(got, StandardCharsets.UTF_8) + "]");
      }
      return (System.nanoTime() - start) / 1_000_000;
    }
  }
}
