package dev.chaosjunit.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chaosjunit.proxy.EngineOptions;
import dev.chaosjunit.proxy.ProxyEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule extension of the API, on a proxy speaking the engine's test protocol {@code line}
 * (newline-terminated commands, errors as {@code -ERR message}).
 */
class AdminRulesTest {

  private static final String RULE = "{\"name\":\"no-get\",\"match\":{\"command\":\"GET\"},"
      + "\"action\":{\"type\":\"error\",\"params\":{\"message\":\"READONLY\"}},\"times\":1}";

  private ProxyEngine engine;
  private AdminServer admin;
  private EchoServer upstream;
  private Http http;
  private String listen;

  @BeforeEach
  void start() throws IOException {
    upstream = new EchoServer();
    engine = ProxyEngine.start(EngineOptions.defaults().withSeed(3));
    admin = AdminServer.start(engine, "127.0.0.1", 0);
    http = new Http(admin.url());
    HttpResponse<String> created = http.send("POST", "/proxies", "{\"name\":\"l\",\"listen\":\"127.0.0.1:0\","
        + "\"upstream\":\"" + upstream.address() + "\",\"protocol\":\"line\"}");
    assertThat(Http.json(created).path("protocol").asText()).isEqualTo("line");
    listen = Http.json(created).path("listen").asText();
  }

  @AfterEach
  void stop() throws IOException {
    admin.close();
    engine.close();
    upstream.close();
  }

  @Test
  void aRuleCreatedThroughTheApiFiresOnLiveTrafficAndIsCounted() throws IOException {
    HttpResponse<String> created = http.send("POST", "/proxies/l/rules", RULE);
    assertThat(created.statusCode()).isEqualTo(200);
    JsonNode rule = Http.json(created);
    assertThat(rule.path("direction").asText()).isEqualTo("upstream");
    assertThat(rule.path("action").path("params").path("message").asText()).isEqualTo("READONLY");
    assertThat(rule.path("probability").asDouble()).isEqualTo(1.0);

    assertThat(exchange("GET k\nGET k\n", 2)).containsExactly("-ERR READONLY", "GET k");

    JsonNode counters = Http.json(http.get("/proxies/l/counters"));
    assertThat(counters.path("rules").path("no-get").path("fired").asLong()).isEqualTo(1);
    assertThat(Http.json(http.get("/proxies/l/events")).findValuesAsText("event")).contains("FaultFired");
  }

  @Test
  void listsShowsAndDeletesRules() throws IOException {
    http.send("POST", "/proxies/l/rules", RULE);
    assertThat(http.send("POST", "/proxies/l/rules", RULE).statusCode()).isEqualTo(409);
    assertThat(Http.json(http.get("/proxies/l/rules")).get(0).path("name").asText()).isEqualTo("no-get");
    assertThat(Http.json(http.get("/proxies/l/rules/no-get")).path("times").asLong()).isEqualTo(1);
    assertThat(http.send("DELETE", "/proxies/l/rules/no-get", null).statusCode()).isEqualTo(204);
    assertThat(Http.json(http.get("/proxies/l/rules")).size()).isZero();
    assertThat(exchange("GET k\n", 1)).containsExactly("GET k");
  }

  @Test
  void resetRemovesRules() throws IOException {
    http.send("POST", "/proxies/l/rules", RULE);
    assertThat(http.send("POST", "/reset", null).statusCode()).isEqualTo(204);
    assertThat(Http.json(http.get("/proxies/l/rules")).size()).isZero();
  }

  @Test
  void rejectsARuleWithAnUnknownMatchKey() throws IOException {
    HttpResponse<String> answer = http.send("POST", "/proxies/l/rules", RULE.replace("command", "colour"));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(Http.json(answer).path("error").asText()).contains("colour");
  }

  static Stream<Arguments> badActions() {
    return Stream.of(
        Arguments.of("{\"type\":\"delay\",\"params\":{\"mode\":\"x\"}}", "action [delay] takes no parameters [mode]"),
        Arguments.of("{\"type\":\"rename\"}",
            "action type [rename] is unknown; use one of [error, delay, drop, respond, rewrite, duplicate]"),
        Arguments.of("{\"type\":\"duplicate\",\"params\":{\"ms\":\"5\"}}",
            "action [duplicate] takes no parameters [ms]"),
        Arguments.of("{\"type\":\"delay\",\"params\":{\"ms\":\"soon\"}}",
            "delay [ms=soon] is not a whole number of milliseconds"),
        Arguments.of("{\"type\":\"drop\",\"params\":{\"mode\":\"slam\"}}",
            "unknown drop mode [slam]: use one of close, reset, blackhole, timeout, rst_stream, goaway"),
        Arguments.of("{\"type\":\"drop\",\"params\":{\"mode\":\"goaway\"}}",
            "drop mode [goaway] is not supported; use close, reset or blackhole"),
        Arguments.of("{\"type\":\"drop\",\"params\":{\"mode\":\"close\",\"code\":\"CANCEL\"}}",
            "drop parameters [code] belong to modes goaway and rst_stream only (code = an HTTP/2 error code);"
            + " drop with mode [close] takes none"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badActions")
  void rejectsAnActionTheModelOrTheProxysInspectorRefuses(String action, String problem) throws IOException {
    String body = "{\"name\":\"bad\",\"match\":{\"command\":\"GET\"},\"action\":" + action + "}";
    HttpResponse<String> answer = http.send("POST", "/proxies/l/rules", body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(Http.json(answer).path("error").asText()).contains(problem);
    assertThat(Http.json(http.get("/proxies/l/rules")).size()).isZero();
  }

  @Test
  void rejectsAnUnknownDirection() throws IOException {
    HttpResponse<String> answer = http.send("POST", "/proxies/l/rules", RULE.replace("{\"name\"",
        "{\"direction\":\"sideways\",\"name\""));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(Http.json(answer).path("error").asText())
        .contains("unknown direction [sideways]: use upstream (requests) or downstream (responses)");
  }

  @Test
  void aRuleReadsBackInTheModelsWireNamesAndRoundTrips() throws IOException {
    http.send("POST", "/proxies", "{\"name\":\"g\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
        + upstream.address() + "\",\"protocol\":\"grpc\"}");
    String written = "{\"name\":\"cut\",\"direction\":\"request\",\"match\":{\"method\":\"/shop.Orders/*\"},"
        + "\"action\":{\"type\":\"drop\",\"params\":{\"code\":\"ENHANCE_YOUR_CALM\",\"mode\":\"GOAWAY\"}},"
        + "\"probability\":0.5,\"after\":2,\"times\":1}";
    JsonNode expected = Json.MAPPER.readTree(written.replace("request", "upstream").replace("GOAWAY", "goaway"));

    assertThat(Http.json(http.send("POST", "/proxies/g/rules", written))).isEqualTo(expected);
    JsonNode read = Http.json(http.get("/proxies/g/rules/cut"));
    assertThat(read).isEqualTo(expected);
    assertThat(http.send("DELETE", "/proxies/g/rules/cut", null).statusCode()).isEqualTo(204);
    assertThat(Http.json(http.send("POST", "/proxies/g/rules", read.toString()))).isEqualTo(expected);
    HttpResponse<String> bad = http.send("POST", "/proxies/g/rules", written.replace("cut", "bad").replace("ENHANCE_YOUR_CALM", "CALM_DOWN"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Http.json(bad).path("error").asText()).startsWith("rule [bad]: unknown HTTP/2 error code [CALM_DOWN]:"
        + " use a name or number (0-13) of NO_ERROR, PROTOCOL_ERROR,");
  }

  @Test
  void anHttpResetStreamRuleWithItsCodeRoundTripsAndABadCodeIsA400() throws IOException {
    http.send("POST", "/proxies", "{\"name\":\"h\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
        + upstream.address() + "\",\"protocol\":\"http\"}");
    String written = "{\"name\":\"reset\",\"direction\":\"upstream\","
        + "\"match\":{\"authority\":\"api.local:*\",\"path\":\"/orders/**\"},"
        + "\"action\":{\"type\":\"drop\",\"params\":{\"code\":\"REFUSED_STREAM\",\"mode\":\"rst_stream\"}},"
        + "\"probability\":1.0,\"after\":0,\"times\":0}";

    assertThat(Http.json(http.send("POST", "/proxies/h/rules", written))).isEqualTo(Json.MAPPER.readTree(written));
    assertThat(Http.json(http.get("/proxies/h/rules/reset"))).isEqualTo(Json.MAPPER.readTree(written));
    HttpResponse<String> bad = http.send("POST", "/proxies/h/rules", written.replace("reset", "bad").replace("REFUSED_STREAM", "OOPS"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Http.json(bad).path("error").asText()).startsWith("http rule [bad] has unknown HTTP/2 error code [OOPS]:");
  }

  @Test
  void anHttpHeaderRewriteRoundTripsAndAPseudoHeaderIsA400() throws IOException {
    http.send("POST", "/proxies", "{\"name\":\"h\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
        + upstream.address() + "\",\"protocol\":\"http\"}");
    String written = "{\"name\":\"headers\",\"direction\":\"upstream\",\"match\":{\"path\":\"/orders/**\"},"
        + "\"action\":{\"type\":\"rewrite\",\"params\":{\"header.Cache-Control\":\"no-store\",\"remove\":\"Content-Type,ETag\"}},"
        + "\"probability\":1.0,\"after\":0,\"times\":0}";

    assertThat(Http.json(http.send("POST", "/proxies/h/rules", written))).isEqualTo(Json.MAPPER.readTree(written));
    assertThat(Http.json(http.get("/proxies/h/rules/headers"))).isEqualTo(Json.MAPPER.readTree(written));
    HttpResponse<String> bad = http.send("POST", "/proxies/h/rules", written.replace("headers", "bad").replace("ETag", ":status"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Http.json(bad).path("error").asText()).isEqualTo("http rule [bad] rewrites HTTP/2 pseudo-header [:status]:"
        + " the status stays the server's; use error(status, body) to answer with another");
  }

  @Test
  void anAmqpRuleRoundTripsAndABadReplyCodeIsA400NamingTheCodes() throws IOException {
    http.send("POST", "/proxies", "{\"name\":\"mq\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
        + upstream.address() + "\",\"protocol\":\"amqp\"}");
    String written = "{\"name\":\"notFound\",\"direction\":\"upstream\","
        + "\"match\":{\"exchange\":\"orders\",\"routing_key\":\"order.*\"},"
        + "\"action\":{\"type\":\"error\",\"params\":{\"code\":\"404\",\"message\":\"NOT_FOUND - no exchange\"}},"
        + "\"probability\":1.0,\"after\":0,\"times\":0}";

    assertThat(Http.json(http.send("POST", "/proxies/mq/rules", written))).isEqualTo(Json.MAPPER.readTree(written));
    HttpResponse<String> bad = http.send("POST", "/proxies/mq/rules", written.replace("notFound", "bad").replace("404", "200"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Http.json(bad).path("error").asText())
        .startsWith("amqp rule [bad] has reply code [200]: use a channel error (311 CONTENT_TOO_LARGE,");
  }

  @Test
  void aNatsRuleRoundTripsAndAMisplacedFullWildcardIsA400() throws IOException {
    http.send("POST", "/proxies", "{\"name\":\"bus\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
        + upstream.address() + "\",\"protocol\":\"nats\"}");
    String written = "{\"name\":\"denied\",\"direction\":\"upstream\",\"match\":{\"subject\":\"orders.>\"},"
        + "\"action\":{\"type\":\"error\",\"params\":{\"code\":\"\",\"message\":\"\"}},"
        + "\"probability\":1.0,\"after\":0,\"times\":0}";

    assertThat(Http.json(http.send("POST", "/proxies/bus/rules", written))).isEqualTo(Json.MAPPER.readTree(written));
    HttpResponse<String> bad = http.send("POST", "/proxies/bus/rules", written.replace("denied", "bad").replace("orders.>", ">.eu"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Http.json(bad).path("error").asText())
        .isEqualTo("nats rule [bad] has a bad [subject]: NATS subject pattern [>.eu] has [>] before its last token:"
            + " [>] matches the rest of a subject, so it can only end a pattern, e.g. orders.>");
  }

  @Test
  void aMongoRuleRoundTripsWithFailCommandsFieldsAndARuleWithoutCommandIsA400() throws IOException {
    http.send("POST", "/proxies", "{\"name\":\"docs\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
        + upstream.address() + "\",\"protocol\":\"mongodb\"}");
    String written = "{\"name\":\"quiesce\",\"direction\":\"upstream\",\"match\":{\"command\":\"insert\",\"collection\":\"orders\"},"
        + "\"action\":{\"type\":\"error\",\"params\":{\"code\":\"91\",\"message\":\"quiesce\",\"codeName\":\"ShutdownInProgress\","
        + "\"errorLabels\":\"RetryableWriteError\",\"kind\":\"errorCode\"}},"
        + "\"probability\":1.0,\"after\":0,\"times\":0}";

    assertThat(Http.json(http.send("POST", "/proxies/docs/rules", written))).isEqualTo(Json.MAPPER.readTree(written));
    HttpResponse<String> bad = http.send("POST", "/proxies/docs/rules",
        written.replace("quiesce\",\"direction", "bad\",\"direction").replace("\"command\":\"insert\",", ""));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Http.json(bad).path("error").asText()).isEqualTo("mongodb rule [bad] has no [command]: name the commands"
        + " it fails (as failCommand's failCommands does), e.g. insert, or * for every command but the handshake's");
  }

  @Test
  void aMemcachedRuleRoundTripsAndAMissOnAWriteIsA400() throws IOException {
    http.send("POST", "/proxies", "{\"name\":\"cache\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
        + upstream.address() + "\",\"protocol\":\"memcached\"}");
    String written = "{\"name\":\"stale\",\"direction\":\"upstream\",\"match\":{\"command\":\"get*\",\"key\":\"session:*\"},"
        + "\"action\":{\"type\":\"respond\",\"params\":{\"reply\":\"miss\"}},"
        + "\"probability\":1.0,\"after\":0,\"times\":0}";

    assertThat(Http.json(http.send("POST", "/proxies/cache/rules", written))).isEqualTo(Json.MAPPER.readTree(written));
    HttpResponse<String> bad = http.send("POST", "/proxies/cache/rules", written.replace("stale", "bad").replace("get*", "set"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Http.json(bad).path("error").asText())
        .isEqualTo("memcached rule [bad] answers [miss] to commands [set] of [command] [set]: match only commands of"
            + " [decr, delete, gat, gats, get, gets, incr, ma, md, mg, touch]");
  }

  @Test
  void aProxysRoutesAreListedAsAnExtensionField() throws IOException {
    assertThat(Http.json(http.send("GET", "/proxies/l", null)).path("routes").isArray()).isTrue();
    String route = exchange("ROUTE b-4 4 " + upstream.address() + "\n", 1)[0];

    JsonNode routes = Http.json(http.send("GET", "/proxies/l", null)).path("routes");
    assertThat(routes).hasSize(1);
    assertThat(routes.get(0).path("key").asText()).isEqualTo("b-4");
    assertThat(routes.get(0).path("listen").asText()).isEqualTo(route);
    assertThat(routes.get(0).path("upstream").asText()).isEqualTo(upstream.address());
    assertThat(routes.get(0).path("connections_accepted").asLong()).isZero();
  }

  private String[] exchange(String request, int lines) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(Connections.address(listen), 2000);
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      InputStream in = socket.getInputStream();
      StringBuilder text = new StringBuilder();
      for (int seen = 0, c; seen < lines && (c = in.read()) >= 0; ) {
        text.append((char) c);
        seen += c == '\n' ? 1 : 0;
      }
      return text.toString().split("\n");
    }
  }
}
