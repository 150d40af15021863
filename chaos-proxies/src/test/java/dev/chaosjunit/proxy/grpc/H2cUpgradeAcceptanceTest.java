package dev.chaosjunit.proxy.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NegotiationType;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * grpc-java's client with {@code PLAINTEXT_UPGRADE} (HTTP/1.1 {@code GET /} with {@code Upgrade: h2c},
 * then HTTP/2) through the proxy to a Netty server that accepts the upgrade ({@link H2cUpgradeServer}).
 */
class H2cUpgradeAcceptanceTest {

  private H2cUpgradeServer server;
  private ProxyEngine engine;
  private Proxy proxy;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    server = new H2cUpgradeServer();
    engine = ProxyEngine.start();
    proxy = engine.create(ProxySpec.of("orders-h2c", "127.0.0.1:" + server.address().getPort()).withProtocol("grpc"));
    channel = NettyChannelBuilder.forAddress(proxy.listenAddress())
        .negotiationType(NegotiationType.PLAINTEXT_UPGRADE).build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    engine.close();
    server.close();
  }

  @Test
  void callsWorkThroughTheUpgradedConnection() {
    assertThat(call(OrdersService.PLACE, "o-1")).isEqualTo("placed o-1");
    assertThat(call(OrdersService.LIST, "acme")).isEqualTo("orders of acme");

    assertThat(server.served).as("the upgrade's request is stream 1, then the calls")
        .containsExactly("/", "/shop.Orders/Place", "/shop.Orders/List");
    assertThat(proxy.stats().connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void unavailableFiresOnStreamOneAndOnLaterStreamsWhileOtherMethodsWork() {
    proxy.addRule(unavailable("upgrade-request", "/"));
    proxy.addRule(unavailable("place", "/shop.Orders/Place"));

    for (int i = 0; i < 3; i++) {
      String order = "o-" + i;
      assertThatThrownBy(() -> call(OrdersService.PLACE, order)).isInstanceOfSatisfying(StatusRuntimeException.class,
          e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
      assertThat(call(OrdersService.LIST, "c" + i)).isEqualTo("orders of c" + i);
    }

    assertThat(proxy.ruleCounters("upgrade-request").fired()).as("stream 1, GET /").isEqualTo(1);
    assertThat(proxy.ruleCounters("place").fired()).as("streams 3, 7, 11").isEqualTo(3);
    assertThat(server.served).as("faulted calls are cancelled before the server answers them")
        .doesNotContain("/shop.Orders/Place").containsSubsequence("/shop.Orders/List", "/shop.Orders/List");
    assertThat(proxy.stats().connectionsAccepted()).as("one upgraded connection throughout").isEqualTo(1);
  }

  @Test
  void theJdkClientsUpgradeRequestIsStreamOneAndGetsTheInjectedStatus() throws Exception {
    proxy.addRule(unavailable("list", "/shop.Orders/List"));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    URI list = URI.create("http://127.0.0.1:" + proxy.listenAddress().getPort() + "/shop.Orders/List");

    String first = firstOutcome(client, HttpRequest.newBuilder(list).header("x-tenant", "acme").build());
    HttpResponse<String> second = client.send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + proxy.listenAddress().getPort() + "/shop.Orders/Place")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(first).as("stream 1 fails: the injected status, or the JDK's protocol error when the server's own"
        + " answer to the upgraded request arrives after the injected trailers").isIn("HTTP_2 grpc-status 14",
        "stream 1 protocol error");
    assertThat(second.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(second.body()).as("stream 3 is untouched").endsWith("placed ");
    assertThat(proxy.ruleCounters("list").fired()).isEqualTo(1);
    assertThat(server.served).as("the upgrade's request reaches the server before the switch")
        .containsExactly("/shop.Orders/List", "/shop.Orders/Place");
  }

  /** How the JDK client's first (upgraded) request ended. */
  private static String firstOutcome(HttpClient client, HttpRequest request) throws InterruptedException {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return response.version() + " grpc-status " + response.headers().firstValue("grpc-status").orElse("none");
    } catch (IOException e) {
      return e.getMessage() != null && e.getMessage().contains("Stream 1 PROTOCOL_ERROR")
          ? "stream 1 protocol error" : "failed: " + e;
    }
  }

  @Test
  void anUpgradeTheServerDeclinesStaysHttp1AndIsRelayedUnmatched() throws Exception {
    HttpServer http1 = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http1.createContext("/", exchange -> {
      byte[] body = ("hello " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    http1.start();
    try {
      Proxy plain = engine.create(ProxySpec.of("http1-only", "127.0.0.1:" + http1.getAddress().getPort())
          .withProtocol("grpc"));
      plain.addRule(unavailable("all", "/**"));
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
      String base = "http://127.0.0.1:" + plain.listenAddress().getPort();

      for (String path : new String[] {"/a", "/b"}) {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.body()).isEqualTo("hello " + path);
      }
      assertThat(plain.ruleCounters("all").seen()).as("HTTP/1.1 is relayed, never matched").isZero();
    } finally {
      http1.stop(0);
    }
  }

  private String call(io.grpc.MethodDescriptor<String, String> method, String request) {
    return ClientCalls.blockingUnaryCall(channel, method, CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS),
        request);
  }

  private static Rule unavailable(String name, String method) {
    return new Rule(name, "", Direction.UPSTREAM, Map.of("method", method),
        Action.Error.of("UNAVAILABLE", "injected"), 1, 0, 0);
  }
}
