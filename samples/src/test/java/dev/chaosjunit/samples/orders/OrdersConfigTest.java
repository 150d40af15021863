package dev.chaosjunit.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrdersConfigTest {

  final Map<String, String> env = new HashMap<>(Map.of(
      "ORDERS_JDBC_URL", "jdbc:postgresql://db:5432/orders",
      "ORDERS_REDIS_URI", "redis://cache:6379",
      "ORDERS_KAFKA_BOOTSTRAP", "kafka:9092",
      "ORDERS_GEO_TARGET", "geo:50051",
      "ORDERS_USER_TARGET", "users:50051",
      "ORDERS_BALANCE_TARGET", "balance:50051",
      "ORDERS_JWKS_URI", "http://idp/.well-known/jwks.json",
      "ORDERS_ISSUER", "http://idp"));

  @Test
  void readsEveryEndpointWithEveryResilienceFeatureOnByDefault() {
    OrdersConfig config = OrdersConfig.from(env::get);

    assertThat(config.userTarget()).isEqualTo("users:50051");
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.resilience()).isEqualTo(OrdersConfig.Resilience.full());
  }

  @Test
  void switchesTheCacheFallbackOff() {
    env.put("ORDERS_CACHE_FALLBACK", "false");

    assertThat(OrdersConfig.from(env::get).resilience().cacheFallback()).isFalse();
  }

  @Test
  void switchesTheWedgedConnectionDropsOff() {
    env.put("ORDERS_DROP_WEDGED_CONNECTIONS", "false");

    assertThat(OrdersConfig.from(env::get).resilience()).isEqualTo(new OrdersConfig.Resilience(true, true, false));
  }

  @Test
  void namesAMissingSetting() {
    env.remove("ORDERS_KAFKA_BOOTSTRAP");

    assertThatThrownBy(() -> OrdersConfig.from(env::get)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Setting [ORDERS_KAFKA_BOOTSTRAP] is missing");
  }
}
