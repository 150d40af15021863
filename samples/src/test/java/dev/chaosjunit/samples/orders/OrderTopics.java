package dev.chaosjunit.samples.orders;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Provisions the orders topic, as a deployment would, before the service publishes to it. */
final class OrderTopics {

  private OrderTopics() {}

  static void create(String bootstrapServers)
      throws InterruptedException, ExecutionException, TimeoutException {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(List.of(new NewTopic(OrdersConfig.ORDER_EVENTS_TOPIC, 1, (short) 1)))
          .all().get(30, TimeUnit.SECONDS);
    }
  }
}
