package com.example.greetings;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.Expect;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.ProxyEndpoint;
import dev.chaosjunit.junit.Scenario;
import io.netty.util.Version;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.testcontainers.containers.GenericContainer;

/**
 * The app's own Lettuce (on Spring Boot 3.5's Netty 4.1) talks to Redis through chaos-junit's engine
 * (on its own relocated Netty 4.2): one Redis fault, seen by the app as Spring's exception.
 */
@ChaosTest
class GreetingCacheChaosTest {

  @Chaos("cache") static GenericContainer<?> redis = new GenericContainer<>(Images.redis()).withExposedPorts(6379);

  @FaultAssumption static Fault readOnly =
      Fault.on("cache").redis().command("SET").error("READONLY You can't write against a read only replica.");

  static LettuceConnectionFactory connections;
  static GreetingCache cache;

  @BeforeAll
  static void start(ChaosTopology topology) {
    ProxyEndpoint proxy = topology.proxy("cache");
    connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(proxy.host(), proxy.port()));
    connections.afterPropertiesSet();
    cache = new GreetingCache(new StringRedisTemplate(connections));
  }

  @AfterAll
  static void stop() {
    connections.destroy();
  }

  @Scenario
  String greet() {
    return cache.greet("Ada");
  }

  @FaultMatrix
  @Expect(scenario = "greet", fault = "readOnly", value = ERROR, within = "5s")
  void resilience(Cell cell) {
    assertThat(Version.identify().get("netty-common").artifactVersion())
        .as("the app's Netty is the one Spring Boot manages").isEqualTo(System.getProperty("boot.netty.version"));
    if (cell.name().equals("greet × readOnly")) {
      assertThat(cell.outcome().error()).isInstanceOf(RedisSystemException.class)
          .hasRootCauseMessage("READONLY You can't write against a read only replica.");
      assertThat(cell.totalFirings()).isEqualTo(1);
    }
  }
}
