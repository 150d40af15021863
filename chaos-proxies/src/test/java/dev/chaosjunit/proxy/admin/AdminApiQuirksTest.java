package dev.chaosjunit.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chaosjunit.proxy.EngineOptions;
import dev.chaosjunit.proxy.ProxyEngine;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Toxiproxy behaviours clients rely on, checked on the wire. */
class AdminApiQuirksTest {

  private ProxyEngine engine;
  private AdminServer admin;
  private EchoServer upstream;
  private Http http;

  @BeforeEach
  void start() throws IOException {
    upstream = new EchoServer();
    engine = ProxyEngine.start(EngineOptions.defaults().withSeed(7));
    admin = AdminServer.start(engine, "127.0.0.1", 0);
    http = new Http(admin.url());
  }

  @AfterEach
  void stop() throws IOException {
    admin.close();
    engine.close();
    upstream.close();
  }

  private JsonNode createProxy(String name) throws IOException {
    HttpResponse<String> created = http.send("POST", "/proxies",
        "{\"name\":\"" + name + "\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + upstream.address() + "\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    return Http.json(created);
  }

  @Test
  void proxyCreationAnswers201WithEveryField() throws IOException {
    JsonNode proxy = createProxy("p");
    assertThat(proxy.path("name").asText()).isEqualTo("p");
    assertThat(proxy.path("listen").asText()).startsWith("127.0.0.1:");
    assertThat(proxy.path("upstream").asText()).isEqualTo(upstream.address());
    assertThat(proxy.path("enabled").asBoolean()).isTrue();
    assertThat(proxy.path("toxics").isArray()).isTrue();
    assertThat(proxy.has("protocol")).isTrue();
  }

  @Test
  void toxicCreationAnswers200WithEveryAttributeAndDefaults() throws IOException {
    createProxy("p");
    HttpResponse<String> toxic = http.send("POST", "/proxies/p/toxics", "{\"type\":\"slicer\",\"attributes\":{\"average_size\":5}}");
    assertThat(toxic.statusCode()).isEqualTo(200);
    assertThat(toxic.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode json = Http.json(toxic);
    assertThat(json.path("name").asText()).isEqualTo("slicer_downstream");
    assertThat(json.path("stream").asText()).isEqualTo("downstream");
    assertThat(json.path("toxicity").asDouble()).isEqualTo(1.0);
    assertThat(json.path("attributes").fieldNames()).toIterable()
        .containsExactly("average_size", "size_variation", "delay");
  }

  @Test
  void deletesAnswer204() throws IOException {
    createProxy("p");
    http.send("POST", "/proxies/p/toxics", "{\"type\":\"latency\",\"name\":\"l\",\"attributes\":{\"latency\":1}}");
    assertThat(http.send("DELETE", "/proxies/p/toxics/l", null).statusCode()).isEqualTo(204);
    assertThat(http.send("DELETE", "/proxies/p", null).statusCode()).isEqualTo(204);
    assertThat(http.send("POST", "/reset", null).statusCode()).isEqualTo(204);
  }

  @Test
  void acceptsBodiesWhateverTheirContentType() throws IOException {
    String body = "{\"name\":\"form\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + upstream.address() + "\"}";
    assertThat(http.send("POST", "/proxies", body, "application/x-www-form-urlencoded").statusCode()).isEqualTo(201);
    assertThat(http.send("POST", "/proxies/form/toxics", "{\"type\":\"timeout\"}", "text/plain").statusCode())
        .isEqualTo(200);
    assertThat(http.send("PATCH", "/proxies/form/toxics/timeout_downstream", "{\"attributes\":{\"timeout\":9}}", null)
        .body()).contains("\"timeout\":9");
  }

  @Test
  void errorsAreJsonWithErrorAndStatus() throws IOException {
    HttpResponse<String> missing = http.get("/proxies/nope");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(Http.json(missing).path("error").asText()).isEqualTo("proxy not found");
    assertThat(Http.json(missing).path("status").asInt()).isEqualTo(404);
  }

  @Test
  void versionIsPlainJsonWithATrailingNewline() throws IOException {
    HttpResponse<String> version = http.get("/version");
    assertThat(version.statusCode()).isEqualTo(200);
    assertThat(version.body()).matches("\\{\"version\": \"[^\"]+\"}\n");
  }

  @Test
  void refusesBrowsersLikeToxiproxy() throws IOException, InterruptedException {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(admin.url() + "/proxies"))
        .header("User-Agent", "Mozilla/5.0").GET().build();
    var response = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void unknownPathsAndMethodsNameTheRequest() throws IOException {
    HttpResponse<String> unknown = http.get("/nope");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Http.json(unknown).path("error").asText()).contains("GET /nope");
    assertThat(http.send("PUT", "/proxies", "{}").statusCode()).isEqualTo(405);
  }

  @Test
  void populateCreatesReplacesAndKeepsUnchangedProxies() throws IOException {
    createProxy("keep");
    JsonNode keep = Http.json(http.get("/proxies/keep"));
    http.send("POST", "/proxies/keep/toxics", "{\"type\":\"latency\",\"name\":\"stays\"}");
    String body = "[{\"name\":\"keep\",\"listen\":\"" + keep.path("listen").asText() + "\",\"upstream\":\""
        + upstream.address() + "\"},{\"name\":\"new\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
        + upstream.address() + "\",\"enabled\":false}]";
    HttpResponse<String> populated = http.send("POST", "/populate", body);
    assertThat(populated.statusCode()).isEqualTo(201);
    List<String> names = new ArrayList<>();
    Http.json(populated).path("proxies").forEach(p -> names.add(p.path("name").asText()));
    assertThat(names).containsExactly("keep", "new");
    assertThat(Http.json(http.get("/proxies/keep/toxics")).get(0).path("name").asText()).isEqualTo("stays");
    assertThat(Http.json(http.get("/proxies/new")).path("enabled").asBoolean()).isFalse();
  }

  @Test
  void populateNamesTheEntryWithAMissingField() throws IOException {
    HttpResponse<String> answer = http.send("POST", "/populate",
        "[{\"name\":\"a\",\"upstream\":\"" + upstream.address() + "\"},{\"upstream\":\"x:1\"}]");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(Http.json(answer).path("error").asText()).isEqualTo("missing required field: name at proxy 2");
    assertThat(Http.json(http.get("/proxies")).size()).isZero();
  }

  @Test
  void proxyUpdateAcceptsPatchAndPost() throws IOException {
    createProxy("p");
    assertThat(Http.json(http.send("PATCH", "/proxies/p", "{\"enabled\":false}")).path("enabled").asBoolean())
        .isFalse();
    assertThat(Http.json(http.send("POST", "/proxies/p", "{\"enabled\":true}")).path("enabled").asBoolean())
        .isTrue();
  }

  @Test
  void listsProxiesAsAnObjectKeyedByName() throws IOException {
    createProxy("a");
    createProxy("b");
    JsonNode all = Http.json(http.get("/proxies"));
    assertThat(all.fieldNames()).toIterable().containsExactly("a", "b");
    assertThat(all.path("a").path("toxics").isArray()).isTrue();
  }
}
