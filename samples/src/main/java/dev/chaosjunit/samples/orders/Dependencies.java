package dev.chaosjunit.samples.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The service's connections, opened in order and closed in reverse, even when opening fails. */
final class Dependencies implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Dependencies.class);

  private final List<AutoCloseable> opened = new ArrayList<>();
  private OrderRepository repository;
  private ListingCache cache;
  private OrderEvents events;
  private Upstreams upstreams;
  private OrdersService service;

  static Dependencies connect(OrdersConfig config) {
    Dependencies dependencies = new Dependencies();
    try {
      dependencies.repository = dependencies.open(new OrderRepository(config));
      dependencies.cache = dependencies.open(new ListingCache(config.redisUri(),
          config.resilience().dropWedgedConnections()));
      dependencies.events = dependencies.open(new OrderEvents(config.kafkaBootstrap(),
          config.resilience().kafkaPublishTimeout()));
      dependencies.upstreams = dependencies.open(new Upstreams(config));
      return dependencies;
    } catch (RuntimeException e) {
      dependencies.close();
      throw e;
    }
  }

  OrdersService service(ObjectMapper json, boolean cacheFallback) {
    service = new OrdersService(repository, cache, events, upstreams, json, cacheFallback);
    return service;
  }

  OrderRepository repository() {
    return repository;
  }

  OrdersService service() {
    return service;
  }

  @Override
  public void close() {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        LOG.warn("Closing {} failed", opened.get(i).getClass().getSimpleName(), e);
      }
    }
    opened.clear();
  }

  private <T extends AutoCloseable> T open(T dependency) {
    opened.add(dependency);
    return dependency;
  }
}
