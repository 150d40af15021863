package dev.chaosjunit.junit.support;

import dev.chaosjunit.junit.ProxyEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A real client of {@link EchoServer}: sends one line, reads it back. */
public final class EchoClient {

  private EchoClient() {}

  private static String readLine(InputStream in, String sent) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed before the echo of [" + sent + "] (got [" + received + "])");
      }
      received.write(b);
    }
    return received.toString(StandardCharsets.UTF_8);
  }

  /** Sends {@code line} through the endpoint and returns the echo; fails after {@code readTimeoutMs}. */
  public static String roundTrip(ProxyEndpoint endpoint, String line, int readTimeoutMs) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 1000);
      socket.setSoTimeout(readTimeoutMs);
      OutputStream out = socket.getOutputStream();
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      return readLine(socket.getInputStream(), line);
    }
  }
}
