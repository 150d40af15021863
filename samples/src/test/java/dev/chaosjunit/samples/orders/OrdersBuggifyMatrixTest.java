package dev.chaosjunit.samples.orders;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static dev.chaosjunit.junit.Expectation.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.Expect;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.Scenario;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The repository's buggify sites as matrix columns: each forced on for its cells, judged like a proxy's fault
 * (an order fails while inserts fail, a listing while selects fail) and counted (a failed select is retried
 * once, so the listing reaches the site twice), and declared untouched where the scenario never reaches it.
 */
@ChaosTest
class OrdersBuggifyMatrixTest {

  @Chaos("db") static PostgreSQLContainer db = Infrastructure.DB;

  @FaultAssumption static Fault insertsFail = Fault.buggify("orders.insert");
  @FaultAssumption static Fault selectsFail = Fault.buggify("orders.select");

  static final UpstreamMocks mocks = new UpstreamMocks();
  static final AtomicInteger listers = new AtomicInteger();
  static OrdersApp app;
  static OrdersClient client;

  @BeforeAll
  static void start(ChaosTopology topology) {
    OrdersConfig direct = Infrastructure.direct(mocks);
    app = OrdersApp.start(new OrdersConfig(0, topology.proxy("db").jdbcUrl(), direct.dbUser(), direct.dbPassword(),
        direct.redisUri(), direct.kafkaBootstrap(), direct.geoTarget(), direct.userTarget(), direct.balanceTarget(),
        direct.jwksUri(), direct.issuer(), OrdersConfig.Resilience.full()));
    client = new OrdersClient(app.port());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (app != null) {
      app.close();
    }
    mocks.close();
  }

  @Scenario
  HttpResponse<String> createOrder() throws IOException, InterruptedException {
    return client.createOrder(mocks.token("writer"), "desk", 12900);
  }

  /** A customer with no cached listing, so the listing reads the database. */
  @Scenario
  HttpResponse<String> listOrders() throws IOException, InterruptedException {
    return client.listOrders(mocks.token("lister-" + listers.incrementAndGet()));
  }

  @FaultMatrix(expect = ERROR, within = "5s")
  @Expect(scenario = "createOrder", fault = "selectsFail", value = SUCCESS, untouched = true)
  @Expect(scenario = "listOrders", fault = "insertsFail", value = SUCCESS, untouched = true)
  void sites(Cell cell) {
    if (cell.expectation() == ERROR) {
      assertThat(((HttpResponse<?>) cell.outcome().value()).body().toString()).contains("\"dependency\":\"database\"");
      assertThat(cell.totalFirings()).as("a failed select is retried once").isEqualTo(
          cell.faultName().equals("selectsFail") ? 2 : 1);
    }
  }
}
