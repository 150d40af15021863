package com.example.orders;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static dev.chaosjunit.junit.Expectation.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.Expect;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.Scenario;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The service as a Boot team tests it, wired by {@code @ServiceConnection}; {@code @Chaos} on the same
 * containers and chaos-spring-boot on the test class path put the proxies between the service and its
 * containers. Both faults must fire (a cell whose fault never fired fails as "fault bypassed").
 */
// tag::example[]
@SpringBootTest(webEnvironment = RANDOM_PORT)
@Testcontainers
@ChaosTest
class OrdersChaosTest {

  @Container @ServiceConnection @Chaos("db")
  static PostgreSQLContainer<?> db = new PostgreSQLContainer<>(Images.postgres());

  @Container @ServiceConnection(name = "redis") @Chaos("cache")
  static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);

  @FaultAssumption static Fault diskFull = Fault.on("db").postgres().query("INSERT*")
      .error("53100", "could not extend file: No space left on device");
  @FaultAssumption static Fault cacheReadOnly = Fault.on("cache").redis().command("SET")
      .error("READONLY You can't write against a read only replica.");

  @LocalServerPort int port;

  @Scenario
  HttpResponse<String> placeOrder() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/orders"))
        .POST(HttpRequest.BodyPublishers.ofString("teapot")).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @FaultMatrix(expect = SUCCESS, within = "5s")
  @Expect(scenario = "placeOrder", fault = "diskFull", value = ERROR, within = "5s")
  void resilience(Cell cell) {
    if (cell.faultName().equals("diskFull")) {
      assertThat(cell.outcome().httpStatus()).hasValue(503);
    }
  }
}
// end::example[]
