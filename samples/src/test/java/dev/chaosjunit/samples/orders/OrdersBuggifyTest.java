package dev.chaosjunit.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.buggify.Assert;
import dev.chaosjunit.junit.AssertionCoverage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The orders service under buggify for 50 seeds: its repository's sites (inserts fail 25 % and selects 5 %
 * of the time when active) make the error paths run, the always-assertions hold under every seed, and the
 * coverage verdict over the seeds says every sometimes-assertion was true at least once.
 */
class OrdersBuggifyTest {

  static final int SEEDS = 50;
  static final long FIRST_SEED = 20261207L;

  static UpstreamMocks mocks;
  static OrdersApp app;
  static OrdersClient client;

  @BeforeAll
  static void start() {
    mocks = new UpstreamMocks();
    app = OrdersApp.start(Infrastructure.direct(mocks));
    client = new OrdersClient(app.port());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (app != null) {
      app.close();
    }
    if (mocks != null) {
      mocks.close();
    }
  }

  // tag::seeds[]
  @Test
  void fiftySeedsCoverEveryErrorPathAndKeepEveryInvariant() throws Exception {
    AssertionCoverage coverage = AssertionCoverage.of(OrdersBuggifyTest.class);
    SplittableRandom seeds = new SplittableRandom(FIRST_SEED);
    for (int i = 0; i < SEEDS; i++) {
      long seed = seeds.nextLong();
      try (AssertionCoverage.Seed run = coverage.seed(seed)) {
        round("buyer-" + i);
        assertThat(run.violations()).as("always-assertions under seed %d", seed).isEmpty();
      }
    }
    coverage.writeJsonl(Path.of("target", "chaos-reports", "OrdersBuggifyTest.assertions.jsonl"));
    assertThat(coverage.problems()).as(String.join("\n", coverage.summary())).isEmpty();
  }
  // end::seeds[]

  @Test
  void theRepositoryDeclaresItsBuggifySites() {
    assertThat(AssertionCoverage.of(OrdersBuggifyTest.class).sites()).containsExactly("orders.insert", "orders.select");
  }

  // tag::round[]
  /** One request round of a customer: health, an order, the listing; the properties it must keep. */
  private static void round(String user) throws Exception {
    String token = mocks.token(user);
    Assert.always(client.health().statusCode() == 200, "health is 200");
    HttpResponse<String> created = client.createOrder(token, "lamp-" + user, 2599);
    Assert.sometimes(created.statusCode() == 201, "an order was created");
    Assert.sometimes(created.statusCode() == 503, "a write failed", Map.of("body", created.body()));
    HttpResponse<String> listed = client.listOrders(token);
    if (created.statusCode() == 201 && listed.statusCode() == 200) {
      Assert.always(listed.body().contains("lamp-" + user), "a read after a write returns what was written",
          Map.of("listing", listed.body()));
    }
    Assert.sometimes(created.statusCode() != 201 || listed.statusCode() != 200, "a request round failed");
  }
  // end::round[]
}
