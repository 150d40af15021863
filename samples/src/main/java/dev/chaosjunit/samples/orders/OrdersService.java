package dev.chaosjunit.samples.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chaosjunit.samples.upstream.geo.Region;
import dev.chaosjunit.samples.upstream.users.User;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the orders service does, and which failures it absorbs: a failing cache falls back to the
 * database (when that feature is on), a failed cache eviction or event publish is logged and counted
 * but does not fail an order that is already stored; everything else fails the request with a
 * {@link DependencyFailure} naming the dependency.
 */
final class OrdersService {

  private static final Logger LOG = LoggerFactory.getLogger(OrdersService.class);
  private static final TypeReference<List<Order>> ORDER_LIST = new TypeReference<>() {};

  private final OrderRepository repository;
  private final ListingCache cache;
  private final OrderEvents events;
  private final Upstreams upstreams;
  private final ObjectMapper json;
  private final boolean cacheFallback;
  private final AtomicLong eventsFailed = new AtomicLong();

  OrdersService(OrderRepository repository, ListingCache cache, OrderEvents events,
      Upstreams upstreams, ObjectMapper json, boolean cacheFallback) {
    this.repository = repository;
    this.cache = cache;
    this.events = events;
    this.upstreams = upstreams;
    this.json = json;
    this.cacheFallback = cacheFallback;
  }

  Order create(String userId, Order.Request request) {
    request.validate();
    Region region = upstreams.region(request.country());
    String reservation = upstreams.reserve(userId, request.amountCents(), region.getCurrency());
    Order order = repository.insert(userId, request,
        new Quote(region.getCode(), region.getCurrency(), reservation));
    evictListing(userId);
    publish(order);
    return order;
  }

  List<Order> list(String userId) {
    Optional<String> cached;
    try {
      cached = cache.get(userId);
    } catch (DependencyFailure e) {
      return fallBack(userId, e);
    }
    if (cached.isPresent()) {
      return read(cached.get());
    }
    List<Order> orders = repository.byUser(userId);
    fill(userId, orders);
    return orders;
  }

  Map<String, Object> refreshSession(String userId) {
    User user = upstreams.user(userId);
    if (!user.getActive()) {
      throw new Unauthorized("Account [" + userId + "] is disabled", null);
    }
    return Map.of("userId", user.getId(), "name", user.getName(), "roles", List.copyOf(user.getRolesList()));
  }

  long eventsFailed() {
    return eventsFailed.get();
  }

  private List<Order> fallBack(String userId, DependencyFailure cacheFailure) {
    if (!cacheFallback) {
      throw cacheFailure;
    }
    LOG.warn("Listing orders of {} from the database: {}", userId, cacheFailure.getMessage());
    return repository.byUser(userId);
  }

  private void fill(String userId, List<Order> orders) {
    try {
      cache.put(userId, write(orders));
    } catch (DependencyFailure e) {
      if (!cacheFallback) {
        throw e;
      }
      LOG.warn("Not caching the listing of {}: {}", userId, e.getMessage());
    }
  }

  /** A stale listing lives at most the cache TTL; failing an order already stored would be worse. */
  private void evictListing(String userId) {
    try {
      cache.evict(userId);
    } catch (DependencyFailure e) {
      LOG.warn("Listing of {} may be stale for up to {}: {}", userId, ListingCache.TTL, e.getMessage());
    }
  }

  private void publish(Order order) {
    try {
      events.publish(order, json.writeValueAsString(order));
    } catch (DependencyFailure | JsonProcessingException e) {
      eventsFailed.incrementAndGet();
      LOG.error("Order {} is stored but its event was not published: {}", order.id(), e.getMessage());
    }
  }

  private String write(List<Order> orders) {
    try {
      return json.writeValueAsString(orders);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write orders as JSON", e);
    }
  }

  private List<Order> read(String cached) {
    try {
      return json.readValue(cached, ORDER_LIST);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cached listing is not valid JSON: " + e.getMessage(), e);
    }
  }
}
