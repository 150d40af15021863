package dev.chaosjunit.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.Soak;
import dev.chaosjunit.junit.SoakPlan;
import dev.chaosjunit.junit.SoakResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The orders service with every resilience feature on, under a seeded soak of PostgreSQL kills and
 * restarts, a paused Redis, a flapping cache link, a partitioned user-service and Kafka restarts, while
 * customers place and read orders: every event is detected, the service works again after each revert, within a 15 %
 * flake budget. Run by {@code samples/soak [SECONDS] [SEED]}.
 */
@ChaosTest(seed = "7")
class OrdersSoak extends OrdersUnderSoak {

  @BeforeAll
  static void start(ChaosTopology topology) throws Exception {
    orders.start(topology, OrdersConfig.Resilience.full());
  }

  // tag::soak[]
  @Test
  void holdsItsFlakeBudget(Soak soak) throws InterruptedException {
    SoakPlan plan = plan(DURATION, FAULTS);

    SoakResult result = soak.run(plan, this::placeAndRead);

    assertThat(result.events()).extracting(SoakResult.Event::fault)
        .isEqualTo(plan.schedule(result.seed()).stream().map(s -> s.fault().describe()).toList());
    assertThat(result.events()).as(result.describe())
        .allMatch(SoakResult.Event::detected).allMatch(SoakResult.Event::recovered);
    result.assertWithinBudget();
  }
  // end::soak[]
}
