package dev.chaosjunit.samples.orders;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What a customer's client does against the orders service, over real HTTP. */
final class OrdersClient {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI base;

  OrdersClient(int port) {
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  HttpResponse<String> health() throws IOException, InterruptedException {
    return send(request("/healthz", null).GET());
  }

  HttpResponse<String> listOrders(String token) throws IOException, InterruptedException {
    return send(request("/orders", token).GET());
  }

  HttpResponse<String> createOrder(String token, String item, long amountCents)
      throws IOException, InterruptedException {
    String body = "{\"item\": \"" + item + "\", \"amountCents\": " + amountCents + ", \"country\": \"FR\"}";
    return send(request("/orders", token).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json"));
  }

  HttpResponse<String> refreshSession(String token) throws IOException, InterruptedException {
    return send(request("/session/refresh", token).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(70));
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
