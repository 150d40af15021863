package dev.chaosjunit.proxy.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JDK HttpClient with its default version (HTTP_2, so it offers {@code Upgrade: h2c} on
 * {@code http://}) against WireMock's Jetty, which accepts h2c: through the proxy the offer is declined
 * and every request stays subject to the rules.
 */
class H2cUpgradeAcceptanceTest {

  static WireMockServer jetty;
  static ProxyEngine engine;
  Proxy relay;
  HttpClient client;

  @BeforeAll
  static void start() {
    jetty = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    jetty.start();
    jetty.stubFor(any(anyUrl()).willReturn(aResponse().withBody("from jetty")));
    engine = ProxyEngine.start();
  }

  @AfterAll
  static void stop() {
    engine.close();
    jetty.stop();
  }

  @BeforeEach
  void startRelay() {
    jetty.resetRequests();
    relay = engine.create(ProxySpec.of("jetty", "127.0.0.1:" + jetty.port()).withProtocol("http"));
    relay.addRule(new Rule("503", "", Direction.UPSTREAM, Map.of("path", "/api/**"),
        Action.Error.of("503", "busy"), 1, 0, 0));
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterEach
  void stopRelay() {
    engine.remove(relay.name());
  }

  HttpResponse<String> send(int port, String path, HttpRequest.BodyPublisher body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5)).method(path.startsWith("/post") ? "POST" : "GET", body).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withoutTheProxyJettyAcceptsTheClientsH2cOffer() throws Exception {
    assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_2);
    HttpResponse<String> direct = send(jetty.port(), "/api/orders", HttpRequest.BodyPublishers.noBody());
    assertThat(direct.version()).as("the gap this proxy closes").isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(direct.body()).isEqualTo("from jetty");
  }

  @Test
  void throughTheProxyTheRuleFiresOnEveryRequestAndJettySeesNoUpgrade() throws Exception {
    int port = relay.listenAddress().getPort();
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> ok = send(port, "/hello", HttpRequest.BodyPublishers.noBody());
      assertThat(ok.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
      assertThat(ok.body()).isEqualTo("from jetty");
      HttpResponse<String> down = send(port, "/api/orders/" + i, HttpRequest.BodyPublishers.noBody());
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).isEqualTo("busy");
    }
    assertThat(relay.ruleCounters("503").fired()).isEqualTo(4);
    assertThat(relay.ruleCounters("503").seen()).isEqualTo(4);
    assertThat(jettySawUpgradeHeaders()).isEmpty();
    assertThat(jetty.getAllServeEvents()).hasSize(4);
  }

  @Test
  void aFreshClientsFirstRequestWithABodyIsDeclinedToo() throws Exception {
    int port = relay.listenAddress().getPort();
    HttpResponse<String> post = send(port, "/post", HttpRequest.BodyPublishers.ofString("x".repeat(10_000)));
    assertThat(post.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(post.body()).isEqualTo("from jetty");
    assertThat(jetty.getAllServeEvents()).singleElement()
        .satisfies(event -> assertThat(event.getRequest().getBodyAsString()).hasSize(10_000));
    assertThat(jettySawUpgradeHeaders()).isEmpty();
    assertThat(send(port, "/api/x", HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(503);
  }

  private static List<String> jettySawUpgradeHeaders() {
    return jetty.getAllServeEvents().stream().map(ServeEvent::getRequest)
        .flatMap(request -> request.getAllHeaderKeys().stream()
            .filter(name -> name.equalsIgnoreCase("Upgrade") || name.equalsIgnoreCase("HTTP2-Settings")
                || request.getHeader(name).toLowerCase().contains("http2-settings"))
            .map(name -> name + ": " + request.getHeader(name)))
        .toList();
  }
}
