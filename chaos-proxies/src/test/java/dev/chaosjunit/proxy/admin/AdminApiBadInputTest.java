package dev.chaosjunit.proxy.admin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chaosjunit.proxy.EngineOptions;
import dev.chaosjunit.proxy.ProxyEngine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets Toxiproxy's status and a message naming the problem; every other proxy keeps serving. */
class AdminApiBadInputTest {

  private ProxyEngine engine;
  private AdminServer admin;
  private EchoServer upstream;
  private Http http;
  private String healthyListen;

  @BeforeEach
  void start() throws IOException {
    upstream = new EchoServer();
    engine = ProxyEngine.start(EngineOptions.defaults().withSeed(7));
    admin = AdminServer.start(engine, "127.0.0.1", 0);
    http = new Http(admin.url());
    HttpResponse<String> healthy = http.send("POST", "/proxies",
        "{\"name\":\"healthy\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + upstream.address() + "\"}");
    healthyListen = Http.json(healthy).path("listen").asText();
  }

  @AfterEach
  void stillServing() throws IOException {
    try {
      assertThat(Connections.echoMillis(healthyListen, "still here")).isLessThan(2000);
      assertThat(http.get("/version").statusCode()).isEqualTo(200);
    } finally {
      admin.close();
      engine.close();
      upstream.close();
    }
  }

  private void assertError(HttpResponse<String> response, int status, String... fragments) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode json = Http.json(response);
    assertThat(json.path("status").asInt()).isEqualTo(status);
    assertThat(json.path("error").asText()).isNotBlank();
    if (fragments.length > 0) {
      assertThat(json.path("error").asText()).contains(fragments);
    }
  }

  @ParameterizedTest(name = "proxy body {0}")
  @CsvSource(delimiter = '|', value = {
      "{\"name\":\"x\",                                | bad request body: malformed JSON",
      "[1,2]                                          | bad request body: expected a JSON object",
      "{\"upstream\":\"127.0.0.1:1\"}                 | missing required field: name",
      "{\"name\":\"x\"}                               | missing required field: upstream",
      "{\"name\":\"x\",\"upstream\":\"nohostport\"}   | upstream address [nohostport] must be host:port",
      "{\"name\":\"x\",\"upstream\":\"h:1\",\"enabled\":\"yes\"} | field [enabled] must be true or false"})
  void rejectsBadProxyBodies(String body, String message) throws IOException {
    assertError(http.send("POST", "/proxies", body), 400, message);
  }

  @Test
  void refusesABodyOverOneMebibyteAndKeepsServing() throws IOException {
    String huge = "{\"name\":\"" + "x".repeat(2 << 20) + "\",\"upstream\":\"127.0.0.1:1\"}";

    assertError(http.send("POST", "/proxies", huge), 413, "request body over 1048576 bytes");
  }

  @Test
  void refusesJsonNestedDeeperThanTheParserAllowsAndKeepsServing() throws IOException {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);

    assertError(http.send("POST", "/populate", deep), 400, "bad request body", "nesting depth");
  }

  @Test
  void aClientThatStallsMidRequestDoesNotHoldUpOthers() throws IOException {
    try (Socket stalled = new Socket(admin.address().getAddress(), admin.address().getPort())) {
      stalled.getOutputStream().write(("POST /proxies HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100\r\n\r\n{\"name\":").getBytes(UTF_8));
      stalled.getOutputStream().flush();

      long start = System.nanoTime();
      assertThat(http.get("/proxies").statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void rejectsAnEmptyBody() throws IOException {
    assertError(http.send("POST", "/proxies", null), 400, "bad request body: EOF");
  }

  @ParameterizedTest(name = "toxic body {0}")
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"nosuch\"}                                     | invalid toxic type",
      "{\"type\":\"latency\",\"stream\":\"sideways\"}            | stream was invalid",
      "{\"type\":\"latency\",\"attributes\":{\"delay\":1}}       | unknown attribute [delay]",
      "{\"type\":\"latency\",\"attributes\":{\"latency\":-1}}    | [latency] must be >= 0",
      "{\"type\":\"latency\",\"attributes\":{\"latency\":1.5}}   | must be an integer",
      "{\"type\":\"latency\",\"attributes\":{\"latency\":\"1\"}} | must be an integer",
      "{\"type\":\"latency\",\"toxicity\":1.5}                   | toxicity must be between 0 and 1",
      "{\"type\":\"latency\",\"attributes\":[1]}                 | attributes must be a JSON object",
      "not json                                                 | malformed JSON"})
  void rejectsBadToxicBodies(String body, String message) throws IOException {
    assertError(http.send("POST", "/proxies/healthy/toxics", body), 400, message);
    assertThat(Http.json(http.get("/proxies/healthy/toxics")).size()).isZero();
  }

  @Test
  void rejectsABadToxicUpdateAndKeepsTheToxic() throws IOException {
    http.send("POST", "/proxies/healthy/toxics", "{\"type\":\"latency\",\"name\":\"l\",\"attributes\":{\"latency\":3}}");
    assertError(http.send("POST", "/proxies/healthy/toxics/l", "{\"attributes\":{\"latency\":-3}}"), 400, "latency");
    assertThat(Http.json(http.get("/proxies/healthy/toxics/l")).path("attributes").path("latency").asLong())
        .isEqualTo(3);
  }

  @Test
  void answers500WhenTheListenPortIsInUse() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      HttpResponse<String> answer = http.send("POST", "/proxies", "{\"name\":\"clash\",\"listen\":\"127.0.0.1:"
          + taken.getLocalPort() + "\",\"upstream\":\"" + upstream.address() + "\"}");
      assertError(answer, 500, String.valueOf(taken.getLocalPort()));
      assertThat(http.get("/proxies/clash").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void acceptsAnUnreachableUpstreamLikeToxiproxyAndClosesItsClients() throws IOException {
    int closed;
    try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = gone.getLocalPort();
    }
    HttpResponse<String> answer = http.send("POST", "/proxies",
        "{\"name\":\"dead\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:" + closed + "\"}");
    assertThat(answer.statusCode()).isEqualTo(201);
    String listen = Http.json(answer).path("listen").asText();
    assertThatThrownBy(() -> Connections.echoMillis(listen, "anyone?"))
        .isInstanceOf(IOException.class);
  }

  @Test
  void rejectsRulesOnAPlainTcpProxyAndMalformedRules() throws IOException {
    assertError(http.send("POST", "/proxies/healthy/rules", "{\"name\":\"r\",\"match\":{\"command\":\"GET\"},"
        + "\"action\":{\"type\":\"error\",\"params\":{\"message\":\"x\"}}}"), 400);
    assertError(http.send("POST", "/proxies/healthy/rules", "{\"name\":\"r\"}"), 400, "missing required field: action");
    assertError(http.send("POST", "/proxies/healthy/rules", "{\"name\":\"r\",\"action\":{\"type\":\"explode\"}}"),
        400, "action type [explode] is unknown");
    assertError(http.get("/proxies/healthy/rules/none"), 404, "rule not found");
  }

  @Test
  void aFailedMoveLeavesTheProxyAsItWas() throws IOException {
    http.send("POST", "/proxies/healthy/toxics", "{\"type\":\"latency\",\"name\":\"kept\"}");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertError(http.send("POST", "/proxies/healthy", "{\"listen\":\"127.0.0.1:" + taken.getLocalPort() + "\"}"),
          500, String.valueOf(taken.getLocalPort()));
    }
    JsonNode proxy = Http.json(http.get("/proxies/healthy"));
    assertThat(proxy.path("listen").asText()).isEqualTo(healthyListen);
    assertThat(proxy.path("toxics").get(0).path("name").asText()).isEqualTo("kept");
    http.send("DELETE", "/proxies/healthy/toxics/kept", null);
  }

  @Test
  void rejectsAnUnknownProtocol() throws IOException {
    assertError(http.send("POST", "/proxies", "{\"name\":\"x\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
        + upstream.address() + "\",\"protocol\":\"gopher\"}"), 400, "gopher");
  }

  @Test
  void populatesAConfigDocumentOrNamesItsProblem() throws IOException {
    AdminServer.populate(engine, ("[{\"name\":\"cfg\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
        + upstream.address() + "\"}]").getBytes(UTF_8));
    assertThat(http.get("/proxies/cfg").statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> AdminServer.populate(engine, "[{\"name\":\"x\"}]".getBytes(
        UTF_8))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing required field: upstream at proxy 1");
    assertThatThrownBy(() -> AdminServer.populate(engine, "{".getBytes(
        UTF_8))).hasMessageStartingWith("bad request body: malformed JSON");
  }

  @Test
  void countsTrafficAndToxicFirings() throws IOException {
    http.send("POST", "/proxies/healthy/toxics", "{\"type\":\"latency\",\"name\":\"l\",\"attributes\":{\"latency\":1}}");
    Connections.echoMillis(healthyListen, "count me");
    JsonNode counters = Http.json(http.get("/proxies/healthy/counters"));
    assertThat(counters.path("stats").path("connections_accepted").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(counters.path("toxics").path("l").path("fired").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(Http.json(http.get("/proxies/healthy/events")).findValuesAsText("event")).contains("ConnectionOpened");
  }
}
