package dev.chaosjunit.junit.support;

import dev.chaosjunit.junit.ProxyEndpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A real client of {@link EchoServer}: sends one line, reads it back. */
public final class EchoClient {

  private EchoClient() {}

  /** Sends {@code line} through the endpoint and returns the echo; fails after {@code readTimeoutMs}. */
  public static String roundTrip(ProxyEndpoint endpoint, String line, int readTimeoutMs) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 1000);
      socket.setSoTimeout(readTimeoutMs);
      OutputStream out = socket.getOutputStream();
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      String echoed = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
      if (echoed == null) {
        throw new IOException("connection closed before the echo of [" + line + "]");
      }
      return echoed;
    }
  }
}
