package dev.chaosjunit.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.Soak;
import dev.chaosjunit.junit.SoakResult;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The soak failing: the orders service without its cache fallback and without dropping wedged connections
 * keeps waiting on a frozen Redis, a flapping cache link and a partitioned user-service, so nothing shows
 * that it noticed them; every event is a flake and the soak exceeds its 15 % budget. Its faults are those
 * that wedge a connection, so every seed fails it. Run by {@code samples/soak}, with {@link OrdersSoak}.
 */
@ChaosTest(seed = "7")
class OrdersSoakWithoutReconnects extends OrdersUnderSoak {

  @BeforeAll
  static void start(ChaosTopology topology) throws Exception {
    orders.start(topology, new OrdersConfig.Resilience(false, true, false));
  }

  @Test
  void exceedsItsFlakeBudget(Soak soak) throws InterruptedException {
    SoakResult result = soak.run(plan(Duration.ofSeconds(18), WEDGING), this::placeAndRead);

    assertThat(result.events()).as(result.describe()).hasSize(3).noneMatch(SoakResult.Event::detected);
    assertThat(result.flakePercent()).isGreaterThan(result.budgetPercent());
    assertThatThrownBy(result::assertWithinBudget).hasMessageStartingWith("the soak exceeded its flake budget:"
        + " 100.0 % of 3 events were flakes, 15.0 % allowed (seed " + result.seed() + ")")
        .hasMessageContaining("NOT DETECTED");
  }
}
