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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A proxy server in a process of its own (like socat), driven through the Toxiproxy admin API: the standalone
 * chaos proxy server (the fair comparison, and the row the targets are checked on), or Toxiproxy itself when
 * a {@code toxiproxy-server} binary is given.
 */
final class ServerProcessRoute implements Route {

  static final String NAME = "chaos-proxy server";
  static final String TOXIPROXY = "Toxiproxy server";

  private final String name;
  private final boolean inspect;
  private final IntFunction<List<String>> command;
  private final Path binary;
  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger proxies = new AtomicInteger();
  private Process server;
  private String api;

  /** The chaos proxy server as a plain TCP relay, no protocol inspector. */
  ServerProcessRoute() {
    this(NAME, false);
  }

  /**
   * The chaos proxy server.
   *
   * @param name the row label
   * @param inspect whether proxies decode the workload's protocol (set as the proxy's {@code "protocol"})
   */
  ServerProcessRoute(String name, boolean inspect) {
    this(name, inspect, null, port -> {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      // the server runs on the transport the benchmark's own engines use (-Dchaos.proxy.transport, else chosen)
      String transport = "-Dchaos.proxy.transport=" + System.getProperty("chaos.proxy.transport", "");
      return List.of(java, transport, "-cp", System.getProperty("java.class.path"), "dev.chaosjunit.proxy.server.Main",
          "--port", String.valueOf(port), "--seed", "1");
    });
  }

  private ServerProcessRoute(String name, boolean inspect, Path binary, IntFunction<List<String>> command) {
    this.name = name;
    this.inspect = inspect;
    this.binary = binary;
    this.command = command;
  }

  /** Toxiproxy's own server, {@code binary} (Toxiproxy has no protocol inspection: a plain TCP relay). */
  static ServerProcessRoute toxiproxy(Path binary) {
    return new ServerProcessRoute(TOXIPROXY, false, binary,
        port -> List.of(binary.toString(), "-host", "127.0.0.1", "-port", String.valueOf(port)));
  }

  @Override
  public boolean available() {
    return binary == null || Files.isExecutable(binary);
  }

  @Override
  public String unavailableReason() {
    return binary + " is not an executable file (-Dchaos.bench.toxiproxy / TOXIPROXY_SERVER: the path of a "
        + "toxiproxy-server binary)";
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
    server = new ProcessBuilder(command.apply(port))
        .redirectErrorStream(true).redirectOutput(Files.createTempFile("proxy-server", ".log").toFile()).start();
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
