package dev.chaosjunit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The standalone chaos proxy server in a process of its own (like socat), driven through its
 * Toxiproxy-compatible admin API: the fair comparison, and the row the targets are checked on.
 */
final class ChaosServerRoute implements Route {

  static final String NAME = "chaos-proxy server";

  private final String name;
  private final boolean inspect;
  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger proxies = new AtomicInteger();
  private Process server;
  private String api;

  /** The plain TCP relay, no protocol inspector. */
  ChaosServerRoute() {
    this(NAME, false);
  }

  /**
   * @param name the row label
   * @param inspect whether proxies decode the workload's protocol (set as the proxy's {@code "protocol"})
   */
  ChaosServerRoute(String name, boolean inspect) {
    this.name = name;
    this.inspect = inspect;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean supports(String protocol) {
    return !inspect || !protocol.equals("tcp");
  }

  @Override
  public Fronted front(InetSocketAddress upstream, String protocol) throws Exception {
    if (server == null) {
      start();
    }
    String proxyName = "bench-" + proxies.incrementAndGet();
    String protocolField = inspect ? ",\"protocol\":\"" + protocol + "\"" : "";
    JsonNode proxy = send("POST", "/proxies", "{\"name\":\"" + proxyName + "\",\"listen\":\"127.0.0.1:0\","
        + "\"upstream\":\"127.0.0.1:" + upstream.getPort() + "\"" + protocolField + "}");
    String listen = proxy.path("listen").asText();
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1)));
    return Route.fronted(address, () -> send("DELETE", "/proxies/" + proxyName, null));
  }

  private void start() throws Exception {
    int port = Ports.free();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // the server runs on the transport the benchmark's own engines use (-Dchaos.proxy.transport, else chosen)
    String transport = "-Dchaos.proxy.transport=" + System.getProperty("chaos.proxy.transport", "");
    server = new ProcessBuilder(java, transport, "-cp", System.getProperty("java.class.path"),
        "dev.chaosjunit.proxy.server.Main", "--port", String.valueOf(port), "--seed", "1")
        .redirectErrorStream(true).redirectOutput(Files.createTempFile("chaos-proxy-server", ".log").toFile()).start();
    api = "http://127.0.0.1:" + port;
    RedisServer.awaitListening(new InetSocketAddress("127.0.0.1", port), Duration.ofSeconds(20));
  }

  private JsonNode send(String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isEmpty() ? mapper.createObjectNode() : mapper.readTree(response.body());
  }

  @Override
  public void close() throws InterruptedException {
    if (server != null) {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
