package dev.chaosjunit.samples.orders;

import dev.chaosjunit.junit.ChaosTopology;
import java.io.IOException;

/**
 * The orders service of one matrix class with its upstream mocks and a client: started through the
 * chaos proxies before the matrix runs, closed after it.
 */
final class RunningOrders implements AutoCloseable {

  final UpstreamMocks upstreams = new UpstreamMocks();
  private OrdersApp app;
  private OrdersClient client;

  /** Starts the service with the given resilience features and caches the reader's listing. */
  void start(ChaosTopology topology, OrdersConfig.Resilience resilience)
      throws IOException, InterruptedException {
    app = OrdersMatrix.startService(topology, upstreams, resilience);
    client = new OrdersClient(app.port());
  }

  OrdersApp app() {
    return app;
  }

  OrdersClient client() {
    return client;
  }

  @Override
  public void close() throws InterruptedException {
    if (app != null) {
      app.close();
    }
    upstreams.close();
  }
}
