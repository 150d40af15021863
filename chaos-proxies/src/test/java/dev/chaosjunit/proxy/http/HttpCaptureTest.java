package dev.chaosjunit.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.chaosjunit.proxy.testkit.CapturedSeeds;
import dev.chaosjunit.proxy.testkit.TrafficRecorder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Captures the JDK HttpClient's HTTP/1.1 traffic (keep-alive GETs, a POST with a body, a chunked answer, a
 * 404) with the JDK's HTTP server as seeds of {@link HttpFuzzTest} (see {@link CapturedSeeds}).
 */
@Tag("capture")
class HttpCaptureTest {

  @Test
  void jdkClient() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hello", exchange -> HttpAcceptanceTest.reply(exchange, 200, "hello"));
    server.createContext("/echo", exchange -> HttpAcceptanceTest.reply(exchange, 201,
        new String(exchange.getRequestBody().readAllBytes())));
    server.createContext("/chunked", HttpAcceptanceTest::chunked);
    server.start();
    try (TrafficRecorder recorder = TrafficRecorder.to("127.0.0.1", server.getAddress().getPort())) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String base = "http://127.0.0.1:" + recorder.port();
      assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/hello")).build(),
          HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("hello");
      assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/echo"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"order\":\"book\"}")).header("Content-Type", "application/json").build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
      assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/chunked")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/missing")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
      server.stop(0); // ends the client's idle keep-alive connection: the JDK 17 client has no close
      assertThat(CapturedSeeds.save(HttpFuzzTest.class, "session", "jdk", recorder, new HttpFuzzTest()::session))
          .isPositive();
    } finally {
      server.stop(0);
    }
  }
}
