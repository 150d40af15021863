package dev.chaosjunit.junit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.Soak;
import dev.chaosjunit.junit.SoakPlan;
import dev.chaosjunit.junit.SoakResult;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The orders service under a 30 s soak (the long version: {@code -Dorders.soak.seconds=300}): PostgreSQL
 * restarted or killed, Redis killed, drawn from seed 5,
 * while orders are placed and read back; every event is detected and the service works again after each
 * revert, within a 15 % flake budget.
 */
class OrdersSoakTest {

  @Test
  void theOrdersServiceHoldsItsBudget() {
    EngineExecutionResults results = Fixtures.run(OrdersUnderSoak.class);

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("soak(Soak, ChaosTopology)");
  }

  @TestFixture
  @ChaosTest(seed = "5")
  static class OrdersUnderSoak {
    @Chaos("db") static PostgreSQLContainer db = new PostgreSQLContainer(Images.postgres());
    @Chaos("cache") static GenericContainer<?> cache = new GenericContainer<>(Images.redis()).withExposedPorts(6379);

    /** 30 s by default; the long version: {@code -Dorders.soak.seconds=300}. */
    static final SoakPlan PLAN = new SoakPlan(Duration.ofSeconds(Long.getLong("orders.soak.seconds", 30)),
        Duration.ofSeconds(2), Duration.ofSeconds(4), 15,
        List.of(Fault.on("db").container().restart(), Fault.on("db").container().kill(),
            Fault.on("cache").container().kill()));

    @Test
    void soak(Soak soak, ChaosTopology topology) throws Exception {
      try (OrderService orders = new OrderService(topology.proxy("db").jdbcUrl(), db.getUsername(), db.getPassword(),
          topology.proxy("cache").host(), topology.proxy("cache").port())) {
        orders.createSchema();

        SoakResult result = soak.run(PLAN, () -> orders.getOrder(orders.placeOrder("book")));

        assertThat(result.events()).extracting(SoakResult.Event::fault).isEqualTo(
            PLAN.schedule(5).stream().map(s -> s.fault().describe()).toList());
        assertThat(result.events()).as(result.describe()).allMatch(SoakResult.Event::detected);
        result.assertWithinBudget();
      }
    }
  }
}
