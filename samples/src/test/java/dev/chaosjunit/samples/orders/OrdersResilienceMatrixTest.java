package dev.chaosjunit.samples.orders;

import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosProtocol;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The orders service with every resilience feature on: all 24 cells pass. */
@ChaosTest
class OrdersResilienceMatrixTest extends OrdersMatrix {

  static final RunningOrders orders = new RunningOrders();

  @Chaos(value = "user-service", protocol = ChaosProtocol.GRPC)
  static InetSocketAddress userService = orders.upstreams.users.address();

  @BeforeAll
  static void start(ChaosTopology topology) throws Exception {
    orders.start(topology, OrdersConfig.Resilience.full());
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
