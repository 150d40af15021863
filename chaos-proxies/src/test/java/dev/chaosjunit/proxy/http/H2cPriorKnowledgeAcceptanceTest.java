package dev.chaosjunit.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.fault.Http2ErrorCode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.internal.http2.ErrorCode;
import okhttp3.internal.http2.StreamResetException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OkHttp speaking HTTP/2 with prior knowledge ({@code H2_PRIOR_KNOWLEDGE}) through a proxy with the
 * {@code http} inspector to a REST/JSON server that speaks h2c ({@link H2cServer}, Netty in the JVM:
 * no server image here serves h2c). Concurrent requests share one connection; a fault on one stream
 * leaves the others untouched.
 */
class H2cPriorKnowledgeAcceptanceTest {

  private H2cServer server;
  private ProxyEngine engine;
  private Proxy proxy;
  private OkHttpClient client;

  @BeforeEach
  void start() throws Exception {
    server = new H2cServer();
    engine = ProxyEngine.start();
    proxy = engine.create(ProxySpec.of("orders", "127.0.0.1:" + server.address().getPort()).withProtocol("http"));
    client = new OkHttpClient.Builder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE))
        .callTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterEach
  void stop() throws Exception {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    engine.close();
    server.close();
  }

  @Test
  void anInjectedStatusCarriesItsHeadersAndBodyWhileTheServersAnswerIsDropped() throws Exception {
    proxy.addRule(rule("down", Fault.on("orders").http().method("GET").path("/orders/*")
        .header("x-tenant", "acme").responseHeader("Retry-After", "7").error(503, "orders are resting")));

    try (Response faulted = get("/orders/7", "acme"); Response other = get("/orders/8", "globex")) {
      assertThat(faulted.protocol()).isEqualTo(Protocol.H2_PRIOR_KNOWLEDGE);
      assertThat(faulted.code()).isEqualTo(503);
      assertThat(faulted.header("Retry-After")).isEqualTo("7");
      assertThat(faulted.body().string()).isEqualTo("orders are resting");
      assertThat(other.code()).isEqualTo(200);
      assertThat(other.header("x-served-by")).isEqualTo("netty-h2c");
      assertThat(other.body().string()).isEqualTo("{\"id\":\"8\",\"status\":\"open\"}");
    }
    assertThat(server.served).as("a request's header block reaches the server (HPACK), then RST_STREAM(CANCEL)")
        .containsExactlyInAnyOrder("/orders/7", "/orders/8");
    assertThat(proxy.ruleCounters("down").fired()).isEqualTo(1);
    assertThat(server.connections).as("both requests on one connection").hasValue(1);
  }

  @Test
  void aHeaderRewriteChangesTheMatchingStreamsResponseAloneWhileAConcurrentStreamKeepsTheServersHeaders() throws Exception {
    proxy.addRule(rule("headers", Fault.on("orders").http().path("/orders/7")
        .rewriteResponseHeaders(h -> h.remove("Content-Type").set("Cache-Control", "no-store").set("X-Served-By", "chaos"))));
    get("/orders/warm-up", "acme").close();

    server.holdAnswers();
    CompletableFuture<String> rewritten = headersAndBody("/orders/7");
    CompletableFuture<String> other = headersAndBody("/orders/8");
    server.awaitServed(3);
    server.releaseAnswers();

    assertThat(rewritten.get(10, TimeUnit.SECONDS))
        .isEqualTo("200 {cache-control=[no-store], x-served-by=[chaos]} {\"id\":\"7\",\"status\":\"open\"}");
    assertThat(other.get(10, TimeUnit.SECONDS)).as("a stream in flight on the same connection")
        .isEqualTo("200 {content-type=[application/json], x-served-by=[netty-h2c]} {\"id\":\"8\",\"status\":\"open\"}");
    assertThat(proxy.ruleCounters("headers").fired()).isEqualTo(1);
    assertThat(server.connections).as("both streams and the warm-up on one connection").hasValue(1);
  }

  @Test
  void aRewrittenHeaderBlockLargerThanAFrameReachesTheClientInContinuationFramesAndTheConnectionGoesOn() throws Exception {
    String padding = "p".repeat(40_000);
    proxy.addRule(rule("padded", Fault.on("orders").http().path("/orders/padded")
        .rewriteResponseHeaders(h -> h.set("X-Padding", padding))));

    for (int i = 0; i < 3; i++) {
      try (Response padded = get("/orders/padded", "acme"); Response plain = get("/orders/" + i, "acme")) {
        assertThat(padded.header("x-padding")).isEqualTo(padding);
        assertThat(padded.header("content-type")).isEqualTo("application/json");
        assertThat(plain.header("x-padding")).isNull();
        assertThat(plain.body().string()).isEqualTo("{\"id\":\"" + i + "\",\"status\":\"open\"}");
      }
    }
    assertThat(proxy.ruleCounters("padded").fired()).isEqualTo(3);
    assertThat(server.connections).hasValue(1);
  }

  /** Sends a GET at once on its own thread; its outcome as {@code "<status> <headers> <body>"}. */
  private CompletableFuture<String> headersAndBody(String path) {
    return CompletableFuture.supplyAsync(() -> {
      try (Response response = get(path, "acme")) {
        return response.code() + " " + response.headers().toMultimap() + " " + response.body().string();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, runnable -> new Thread(runnable, "call " + path).start());
  }

  @Test
  void aResetStreamFailsThatRequestAloneWhileConcurrentStreamsOnTheConnectionSucceed() throws Exception {
    proxy.addRule(rule("reset", Fault.on("orders").http().path("/orders/13").rstStream(Http2ErrorCode.INTERNAL_ERROR)));
    client.dispatcher().setMaxRequestsPerHost(16);
    get("/orders/warm-up", "acme").close();

    server.holdAnswers();
    List<CompletableFuture<String>> others = new ArrayList<>();
    for (int i = 20; i < 29; i++) {
      others.add(call("/orders/" + i));
    }
    server.awaitServed(1 + others.size());
    assertThat(server.connections).as("the nine requests in flight on the warm connection").hasValue(1);
    String reset = call("/orders/13").get(10, TimeUnit.SECONDS);
    server.releaseAnswers();

    assertThat(reset).isEqualTo("reset " + ErrorCode.INTERNAL_ERROR);
    for (int i = 20; i < 29; i++) {
      assertThat(others.get(i - 20).get(10, TimeUnit.SECONDS)).as("a stream in flight on the reset stream's connection")
          .isEqualTo("200 {\"id\":\"" + i + "\",\"status\":\"open\"}");
    }
    assertThat(proxy.ruleCounters("reset").fired()).as("OkHttp tries a reset request once more").isEqualTo(2);
    assertThat(server.served).as("each attempt's header block reaches the server, then RST_STREAM(CANCEL)")
        .filteredOn("/orders/13"::equals).hasSize(2);
    assertThat(server.connections).as("OkHttp opens no new streams on a connection after a RST_STREAM with an error"
        + " code other than CANCEL or REFUSED_STREAM: its second attempt goes on a new connection").hasValue(2);

    assertThat(call("/orders/29").get(10, TimeUnit.SECONDS)).isEqualTo("200 {\"id\":\"29\",\"status\":\"open\"}");
    assertThat(server.connections).as("nor on the second one, reset too").hasValue(3);
  }

  /** Sends a GET at once on its own thread; its outcome as {@code "<status> <body>"} or {@code "reset <code>"}. */
  private CompletableFuture<String> call(String path) {
    return CompletableFuture.supplyAsync(() -> {
      try (Response response = get(path, "acme")) {
        return response.code() + " " + response.body().string();
      } catch (IOException e) {
        return e instanceof StreamResetException reset ? "reset " + reset.errorCode : e.toString();
      }
    }, runnable -> new Thread(runnable, "call " + path).start());
  }

  @Test
  void aDelayedResponseHoldsBackItsOwnStreamOnly() throws Exception {
    proxy.addRule(rule("slow", Fault.on("orders").http().path("/orders/slow").delay(Duration.ofMillis(1500))));
    get("/orders/warm-up", "acme").close();
    long start = System.nanoTime();
    CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> {
      try (Response response = get("/orders/slow", "acme")) {
        return response.code();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });

    for (int i = 0; i < 5; i++) {
      try (Response response = get("/orders/" + i, "acme")) {
        assertThat(response.body().string()).isEqualTo("{\"id\":\"" + i + "\",\"status\":\"open\"}");
      }
    }
    long others = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    long delayed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(others).as("the other streams while one is delayed").isLessThan(1000);
    assertThat(delayed).as("the delayed stream").isGreaterThanOrEqualTo(1500);
    assertThat(server.served).as("the request itself went to the server at once").contains("/orders/slow");
    assertThat(server.connections).hasValue(1);
  }

  @Test
  void aGracefulGoAwayMakesTheClientRetryTheRequestOnANewConnection() throws Exception {
    get("/orders/warm-up", "acme").close();
    proxy.addRule(rule("drain", Fault.on("orders").http().path("/orders/drained").times(1).goAway(Http2ErrorCode.NO_ERROR)));

    try (Response response = get("/orders/drained", "acme")) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(proxy.ruleCounters("drain").fired()).isEqualTo(1);
    assertThat(server.connections).as("the refused request went again on a new connection").hasValue(2);
  }

  @Test
  void aGoAwayWithAnErrorCodeEndsTheConnectionAndOkHttpRetriesOnANewOneEachTime() throws Exception {
    get("/orders/warm-up", "acme").close();
    proxy.addRule(rule("calm", Fault.on("orders").http().path("/orders/calm").times(5)
        .goAway(Http2ErrorCode.ENHANCE_YOUR_CALM)));

    try (Response response = get("/orders/calm", "acme")) {
      assertThat(response.code()).as("the sixth attempt, after five GOAWAYs").isEqualTo(200);
    }
    assertThat(proxy.ruleCounters("calm").fired()).isEqualTo(5);
    assertThat(server.connections).as("the warm connection, then a new one per retry").hasValue(6);
    assertThat(server.served).as("the GOAWAY'd attempts never reached the server")
        .containsExactly("/orders/warm-up", "/orders/calm");
  }

  private Response get(String path, String tenant) throws IOException {
    return client.newCall(new Request.Builder().url("http://127.0.0.1:" + proxy.listenAddress().getPort() + path)
        .header("x-tenant", tenant).build()).execute();
  }

  private static Rule rule(String name, Fault fault) {
    return (Rule) fault.named(name).effects().get(0).effect();
  }
}
