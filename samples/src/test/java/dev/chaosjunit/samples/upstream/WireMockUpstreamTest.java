package dev.chaosjunit.samples.upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.chaosjunit.junit.Expectation.ERROR;
import static dev.chaosjunit.junit.Expectation.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosProtocol;
import dev.chaosjunit.junit.Expect;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.FaultMatrix;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * An HTTP upstream mocked with WireMock and fronted by a chaos proxy like any other service: the
 * HTTP rule answers 503 with {@code Retry-After} in WireMock's place (the request never reaches it),
 * and an L4 latency slows WireMock's real answer down.
 */
@ChaosTest
class WireMockUpstreamTest {

  static final WireMockServer PRICES = startedPrices();

  @Chaos(value = "prices", protocol = ChaosProtocol.HTTP)
  static InetSocketAddress prices = new InetSocketAddress("127.0.0.1", PRICES.port());

  @FaultAssumption static Fault pricesUnavailable = Fault.on("prices").http().path("/prices/**")
      .responseHeader("Retry-After", "5").error(503, "down for maintenance");
  @FaultAssumption static Fault pricesSlow = Fault.on("prices").latency(Duration.ofMillis(800));

  /**
   * The JDK client with its default version (HTTP/2): on {@code http://} it offers WireMock's Jetty an
   * h2c upgrade, which Jetty would accept; the proxy declines the offer, so the exchange stays HTTP/1.1
   * and the HTTP rule keeps firing.
   */
  static final HttpClient CLIENT = HttpClient.newHttpClient();
  static URI base;

  @BeforeAll
  static void pointAtTheProxy(ChaosTopology topology) {
    base = URI.create("http://" + topology.proxy("prices").hostPort());
  }

  @AfterAll
  static void stopPrices() {
    PRICES.stop();
  }

  @Scenario
  HttpResponse<String> price() throws IOException, InterruptedException {
    return CLIENT.send(HttpRequest.newBuilder(base.resolve("/prices/book")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @FaultMatrix(expect = SUCCESS, within = "3s")
  @Expect(scenario = "price", fault = "pricesUnavailable", value = ERROR, within = "2s")
  void upstream(Cell cell) {
    HttpResponse<?> response = (HttpResponse<?>) cell.outcome().value();
    int reachedWireMock = PRICES.countRequestsMatching(getRequestedFor(urlPathEqualTo("/prices/book")).build())
        .getCount();
    PRICES.resetRequests();
    switch (cell.faultName()) {
      case FaultMatrix.NO_FAULT -> {
        assertThat(response.body()).isEqualTo("{\"price\":42}");
        assertThat(reachedWireMock).isEqualTo(1);
        assertThat(response.version()).as("h2c upgrade declined by the proxy").isEqualTo(HttpClient.Version.HTTP_1_1);
      }
      case "pricesUnavailable" -> {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.body()).isEqualTo("down for maintenance");
        assertThat(reachedWireMock).as("the proxy answered in WireMock's place").isZero();
      }
      case "pricesSlow" -> {
        assertThat(response.body()).isEqualTo("{\"price\":42}");
        assertThat(cell.outcome().duration()).isGreaterThanOrEqualTo(Duration.ofMillis(800));
      }
      default -> throw new AssertionError("unexpected cell " + cell.name());
    }
  }

  private static WireMockServer startedPrices() {
    WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    server.stubFor(get(urlPathEqualTo("/prices/book"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"price\":42}")));
    return server;
  }
}
