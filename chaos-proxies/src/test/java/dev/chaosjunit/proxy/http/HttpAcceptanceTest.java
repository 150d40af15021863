package dev.chaosjunit.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JDK HttpClient and HttpURLConnection against the JDK's HTTP server through the proxy engine. */
class HttpAcceptanceTest {

  static HttpServer server;
  static ExecutorService executor;
  static ProxyEngine engine;
  Proxy relay;
  HttpClient client;

  @BeforeAll
  static void startServer() throws IOException {
    executor = Executors.newFixedThreadPool(4);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hello", exchange -> reply(exchange, 200, "hello"));
    server.createContext("/echo", exchange -> reply(exchange, 200, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    server.createContext("/chunked", HttpAcceptanceTest::chunked);
    server.createContext("/cached", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("Cache-Control", "max-age=60");
      chunked(exchange);
    });
    server.setExecutor(executor);
    server.start();
    engine = ProxyEngine.start();
  }

  @AfterAll
  static void stopServer() {
    engine.close();
    server.stop(0);
    executor.shutdownNow();
  }

  @BeforeEach
  void startRelay() {
    relay = engine.create(ProxySpec.of("web", "127.0.0.1:" + server.getAddress().getPort()).withProtocol("http"));
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterEach
  void stopRelay() {
    engine.remove(relay.name());
  }

  static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, exchange.getRequestMethod().equals("HEAD") ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!exchange.getRequestMethod().equals("HEAD")) {
        out.write(bytes);
      }
    }
  }

  static void chunked(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (int i = 0; i < 50; i++) {
        out.write(("part" + i + ";").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    }
  }

  static Rule rule(String name, Map<String, String> match, Action action) {
    return new Rule(name, "", Direction.UPSTREAM, match, action, 1, 0, 0);
  }

  static Rule unavailable() {
    return rule("503", Map.of("path", "/api/**"), new Action.Error("503", "busy", Map.of("header.Retry-After", "7")));
  }

  HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + relay.listenAddress().getPort() + path);
  }

  @Test
  void httpClientSees503WithRetryAfterOnAKeepAliveConnection() throws Exception {
    relay.addRule(unavailable());
    assertThat(get("/hello").body()).isEqualTo("hello");
    HttpResponse<String> down = get("/api/orders");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(down.body()).isEqualTo("busy");
    assertThat(get("/hello").body()).isEqualTo("hello");
    relay.removeRule("503");
    assertThat(get("/api/orders").statusCode()).as("the server's own answer").isEqualTo(404);
    assertThat(relay.stats().connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void aHeaderRewriteChangesTheServersResponseHeadWhileItsChunkedBodyAndTheConnectionCarryOn() throws Exception {
    relay.addRule(rule("headers", Map.of("path", "/cached"), new Action.Rewrite(Map.of("header.Cache-Control", "no-store",
        "header.Retry-After", "120", "remove", "Content-Type"))));
    HttpResponse<String> rewritten = get("/cached");
    HttpResponse<String> other = get("/hello");
    HttpResponse<String> again = get("/cached");

    assertThat(rewritten.statusCode()).isEqualTo(200);
    assertThat(rewritten.headers().allValues("Cache-Control")).containsExactly("no-store");
    assertThat(rewritten.headers().firstValue("Retry-After")).hasValue("120");
    assertThat(rewritten.headers().firstValue("Content-Type")).isEmpty();
    assertThat(rewritten.headers().firstValue("Transfer-Encoding")).as("the body's framing as sent").hasValue("chunked");
    assertThat(rewritten.body()).startsWith("part0;part1;").endsWith("part49;");
    assertThat(again.body()).isEqualTo(rewritten.body());
    assertThat(other.headers().firstValue("Retry-After")).as("a request the rule does not match").isEmpty();
    assertThat(other.body()).isEqualTo("hello");
    assertThat(relay.ruleCounters("headers").fired()).isEqualTo(2);
    assertThat(relay.stats().connectionsAccepted()).as("one keep-alive connection").isEqualTo(1);
  }

  @Test
  void httpUrlConnectionSees503WithRetryAfterOnAKeepAliveConnection() throws Exception {
    relay.addRule(unavailable());
    for (int i = 0; i < 3; i++) {
      HttpURLConnection down = (HttpURLConnection) new URL(uri("/api/orders").toString()).openConnection();
      assertThat(down.getResponseCode()).isEqualTo(503);
      assertThat(down.getHeaderField("Retry-After")).isEqualTo("7");
      try (InputStream error = down.getErrorStream()) {
        assertThat(new String(error.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("busy");
      }
    }
    HttpURLConnection ok = (HttpURLConnection) new URL(uri("/hello").toString()).openConnection();
    try (InputStream in = ok.getInputStream()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }
    assertThat(relay.stats().connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void delayIsMeasuredByTheClient() throws Exception {
    relay.addRule(rule("slow", Map.of("method", "GET", "path", "/hello"), new Action.Delay(Duration.ofMillis(400))));
    long start = System.nanoTime();
    assertThat(get("/hello").body()).isEqualTo("hello");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(380), Duration.ofSeconds(3));
  }

  @ParameterizedTest(name = "mode {0}")
  @ValueSource(strings = {"close", "reset"})
  void droppedConnectionFailsTheRequestAndTheNextOneWorksAfterRemoval(String mode) throws Exception {
    assertThat(get("/hello").body()).isEqualTo("hello");
    relay.addRule(rule("drop", Map.of("path", "/api/**"), new Action.Drop(DropMode.of(mode))));
    assertThatThrownBy(() -> get("/api/orders")).isInstanceOf(IOException.class);
    relay.removeRule("drop");
    assertThat(get("/api/orders").statusCode()).isEqualTo(404);
  }

  @Test
  void chunkedBodiesAndHeadPassWithARuleInstalled() throws Exception {
    relay.addRule(unavailable());
    HttpURLConnection post = (HttpURLConnection) new URL(uri("/echo").toString()).openConnection();
    post.setDoOutput(true);
    post.setChunkedStreamingMode(7);
    try (OutputStream out = post.getOutputStream()) {
      out.write("a chunked request body of some length".getBytes(StandardCharsets.UTF_8));
    }
    try (InputStream in = post.getInputStream()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a chunked request body of some length");
    }
    HttpResponse<String> chunked = get("/chunked");
    assertThat(chunked.body()).startsWith("part0;part1;").endsWith("part49;");
    HttpResponse<String> head = client.send(HttpRequest.newBuilder(uri("/hello")).timeout(Duration.ofSeconds(5))
            .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(get("/hello").body()).isEqualTo("hello");
  }

  @Test
  void expectContinuePasses() throws Exception {
    relay.addRule(unavailable());
    HttpRequest request = HttpRequest.newBuilder(uri("/echo")).expectContinue(true).timeout(Duration.ofSeconds(5))
        .POST(HttpRequest.BodyPublishers.ofString("after continue")).build();
    assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("after continue");
  }

  /**
   * A raw client: the JDK 17 HttpClient waits forever when the answer to {@code Expect: 100-continue} is
   * not 100 (JDK-8286171, fixed in JDK 20), whatever the server.
   */
  @Test
  void injectedErrorAnswersARequestThatExpectsContinueAndCloses() throws Exception {
    relay.addRule(unavailable());
    String head = "POST /api/upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n";
    try (Socket socket = new Socket("127.0.0.1", relay.listenAddress().getPort())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(response).startsWith("HTTP/1.1 503 Service Unavailable\r\n").contains("Connection: close\r\n").endsWith("busy");
    }
    assertThat(get("/hello").body()).isEqualTo("hello");
  }

  @Test
  void aRuleThatDoesNotMatchChangesNoByte() throws Exception {
    relay.addRule(unavailable());
    String requests = "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
        + "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nbody\r\n0\r\n\r\n"
        + "GET /chunked HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    assertThat(exchangeRaw(relay.listenAddress().getPort(), requests))
        .isEqualTo(exchangeRaw(server.getAddress().getPort(), requests))
        .contains("part49;");
  }

  private static String exchangeRaw(int port, String requests) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
      String responses = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      return responses.replaceAll("(?m)^Date: .*\r\n", "");
    }
  }

  @Test
  void pipelinedRequestsGetTheirResponsesInOrderAroundAnInjectedOne() throws Exception {
    relay.addRule(unavailable());
    String hello = "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n";
    try (Socket socket = new Socket("127.0.0.1", relay.listenAddress().getPort())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write((hello + "GET /api/x HTTP/1.1\r\nHost: x\r\n\r\n" + hello).getBytes(StandardCharsets.US_ASCII));
      String responses = readUntil(socket.getInputStream(), 2, "hello");
      assertThat(responses).containsSubsequence("HTTP/1.1 200", "hello", "HTTP/1.1 503 Service Unavailable",
          "Retry-After: 7", "busy", "HTTP/1.1 200", "hello");
    }
  }

  private static String readUntil(InputStream in, int times, String last) throws IOException {
    StringBuilder text = new StringBuilder();
    byte[] buffer = new byte[4096];
    while (text.toString().split(last, -1).length <= times) {
      int n = in.read(buffer);
      if (n < 0) {
        break;
      }
      text.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
    }
    return text.toString();
  }
}
