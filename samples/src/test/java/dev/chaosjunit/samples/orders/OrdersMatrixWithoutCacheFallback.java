package dev.chaosjunit.samples.orders;

import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosProtocol;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A fixture, run by {@link ResilienceBugCaughtTest} (not by Surefire: no Test suffix): the orders
 * service with its cache fallback switched off, judged by the same matrix.
 */
@ChaosTest
class OrdersMatrixWithoutCacheFallback extends OrdersMatrix {

  static final RunningOrders orders = new RunningOrders();

  @Chaos(value = "user-service", protocol = ChaosProtocol.GRPC)
  static InetSocketAddress userService = orders.upstreams.users.address();

  @BeforeAll
  static void start(ChaosTopology topology) throws Exception {
    orders.start(topology, new OrdersConfig.Resilience(false, true, true));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    orders.close();
  }

  @Override
  RunningOrders orders() {
    return orders;
  }
}
