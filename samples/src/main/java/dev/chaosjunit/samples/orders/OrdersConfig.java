package dev.chaosjunit.samples.orders;

import java.net.URI;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the orders service finds its dependencies, and which resilience features are on. Every
 * endpoint is configurable so that a test can point it at chaos proxies.
 *
 * @param httpPort the HTTP port (0 for an ephemeral one)
 * @param jdbcUrl the PostgreSQL JDBC URL
 * @param dbUser the database user
 * @param dbPassword the database password
 * @param redisUri the Redis URI, e.g. {@code redis://127.0.0.1:6379}
 * @param kafkaBootstrap Kafka bootstrap servers
 * @param geoTarget gRPC target of geo-config
 * @param userTarget gRPC target of user-service
 * @param balanceTarget gRPC target of balance-api
 * @param jwksUri the JWKS URL tokens are validated against
 * @param issuer the expected {@code iss} of tokens
 * @param resilience which resilience features are on
 */
public record OrdersConfig(int httpPort, String jdbcUrl, String dbUser, String dbPassword,
    String redisUri, String kafkaBootstrap, String geoTarget, String userTarget, String balanceTarget,
    URI jwksUri, String issuer, Resilience resilience) {

  /** The Kafka topic an event per created order goes to. */
  public static final String ORDER_EVENTS_TOPIC = "orders.created";

  public OrdersConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(redisUri, "redisUri");
    Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
    Objects.requireNonNull(geoTarget, "geoTarget");
    Objects.requireNonNull(userTarget, "userTarget");
    Objects.requireNonNull(balanceTarget, "balanceTarget");
    Objects.requireNonNull(jwksUri, "jwksUri");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(resilience, "resilience");
  }

  /**
   * The switches that turn resilience features off, to show what a chaos matrix catches.
   *
   * @param cacheFallback a failing cache falls back to the database (off: the listing fails)
   * @param kafkaPublishTimeout publishing an event is bounded in time (off: it blocks as long as
   *     the Kafka client's defaults allow, 60 s)
   * @param dropWedgedConnections a cache connection whose command timed out, and a gRPC
   *     channel whose call ran out of time, are given up and opened anew (off: the client keeps waiting on
   *     a connection that no longer answers, as Lettuce and grpc-java do by default)
   */
  public record Resilience(boolean cacheFallback, boolean kafkaPublishTimeout, boolean dropWedgedConnections) {

    /** Every feature on. */
    public static Resilience full() {
      return new Resilience(true, true, true);
    }
  }

  /** The same configuration with other resilience switches. */
  public OrdersConfig with(Resilience newResilience) {
    return new OrdersConfig(httpPort, jdbcUrl, dbUser, dbPassword, redisUri, kafkaBootstrap,
        geoTarget, userTarget, balanceTarget, jwksUri, issuer, newResilience);
  }

  /**
   * Reads {@code ORDERS_*} settings, e.g. from the environment: {@code ORDERS_HTTP_PORT},
   * {@code ORDERS_JDBC_URL}, {@code ORDERS_DB_USER}, {@code ORDERS_DB_PASSWORD}, {@code ORDERS_REDIS_URI},
   * {@code ORDERS_KAFKA_BOOTSTRAP}, {@code ORDERS_GEO_TARGET}, {@code ORDERS_USER_TARGET},
   * {@code ORDERS_BALANCE_TARGET}, {@code ORDERS_JWKS_URI}, {@code ORDERS_ISSUER},
   * {@code ORDERS_CACHE_FALLBACK}, {@code ORDERS_KAFKA_PUBLISH_TIMEOUT} and
   * {@code ORDERS_DROP_WEDGED_CONNECTIONS} (all default true).
   */
  public static OrdersConfig from(Function<String, String> settings) {
    Function<String, String> required = name -> {
      String value = settings.apply(name);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("Setting [" + name + "] is missing: set it in the environment");
      }
      return value;
    };
    return new OrdersConfig(Integer.parseInt(orDefault(settings, "ORDERS_HTTP_PORT", "8080")),
        required.apply("ORDERS_JDBC_URL"), orDefault(settings, "ORDERS_DB_USER", "orders"),
        orDefault(settings, "ORDERS_DB_PASSWORD", "orders"), required.apply("ORDERS_REDIS_URI"),
        required.apply("ORDERS_KAFKA_BOOTSTRAP"), required.apply("ORDERS_GEO_TARGET"),
        required.apply("ORDERS_USER_TARGET"), required.apply("ORDERS_BALANCE_TARGET"),
        URI.create(required.apply("ORDERS_JWKS_URI")), required.apply("ORDERS_ISSUER"),
        new Resilience(Boolean.parseBoolean(orDefault(settings, "ORDERS_CACHE_FALLBACK", "true")),
            Boolean.parseBoolean(orDefault(settings, "ORDERS_KAFKA_PUBLISH_TIMEOUT", "true")),
            Boolean.parseBoolean(orDefault(settings, "ORDERS_DROP_WEDGED_CONNECTIONS", "true"))));
  }

  private static String orDefault(Function<String, String> settings, String name, String fallback) {
    String value = settings.apply(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
