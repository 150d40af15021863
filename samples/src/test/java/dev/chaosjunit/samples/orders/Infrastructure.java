package dev.chaosjunit.samples.orders;

import dev.chaosjunit.images.Images;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL, Redis and Kafka containers shared by every sample suite of a test run: started once,
 * in parallel, on first use, and removed when the JVM exits. Each suite starts its own orders
 * service and upstream mocks against them (directly, or through chaos proxies).
 */
final class Infrastructure {

  // tag::images[]
  static final PostgreSQLContainer DB = new PostgreSQLContainer(Images.postgres());
  static final GenericContainer<?> CACHE = new GenericContainer<>(Images.redis()).withExposedPorts(6379);
  static final KafkaContainer KAFKA = new KafkaContainer(Images.kafka());
  // end::images[]

  /** Not the image's default, so that .ci/secrets-scan can tell if it leaks into a report or log. */
  static final String DB_PASSWORD = "orders-db-pw-7Q4x";

  static {
    DB.withPassword(DB_PASSWORD);
    // The broker's JVM starts cold in every run: C1 only and the serial collector bring it up sooner.
    KAFKA.withEnv("KAFKA_JVM_PERFORMANCE_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.awt.headless=true");
    Startables.deepStart(DB, CACHE, KAFKA).join();
    try {
      OrderTopics.create(KAFKA.getBootstrapServers());
    } catch (Exception e) {
      throw new IllegalStateException("Cannot create the orders topic on " + KAFKA.getBootstrapServers(), e);
    }
  }

  private Infrastructure() {}

  /** The service wired straight to the containers and the given mocks. */
  static OrdersConfig direct(UpstreamMocks mocks) {
    return new OrdersConfig(0, DB.getJdbcUrl(), DB.getUsername(), DB.getPassword(),
        "redis://" + CACHE.getHost() + ":" + CACHE.getMappedPort(6379), KAFKA.getBootstrapServers(),
        mocks.geo.target(), mocks.users.target(), mocks.balance.target(), mocks.issuer.jwksUri(),
        mocks.issuer.issuer(), OrdersConfig.Resilience.full());
  }
}
