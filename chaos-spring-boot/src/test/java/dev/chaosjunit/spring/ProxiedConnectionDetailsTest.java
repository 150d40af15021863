package dev.chaosjunit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.ProxyEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Connection details (JDBC, Redis, Kafka, RabbitMQ, MongoDB) naming a {@code @Chaos} service's
 * upstream reach Spring's beans pointing at its proxy, in both test-instance lifecycles (under PER_CLASS the context is built before
 * {@code @BeforeAll}); details of other services are left alone; a class without the extension is told
 * what to add. No container: the services are plain sockets.
 */
class ProxiedConnectionDetailsTest {

  @Test
  void perClassContextsGetTheProxies() {
    assertAllPassed(run(PerClass.class));
  }

  @Test
  void perMethodContextsGetTheProxies() {
    assertAllPassed(run(PerMethod.class));
  }

  @Test
  void withoutTheExtensionTheContextFailsNamingTheFix() {
    EngineExecutionResults results = run(WithoutChaosTest.class);

    Throwable failure = results.testEvents().failed().list().get(0).getPayload(TestExecutionResult.class)
        .orElseThrow().getThrowable().orElseThrow();
    assertThat(rootCause(failure)).hasMessageContaining("annotate the class with @ChaosTest")
        .hasMessageContaining(WithoutChaosTest.class.getName());
  }

  private static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture))
        .configurationParameters(Map.of(OnlyThroughTestKit.PARAMETER, "true")).execute();
  }

  private static void assertAllPassed(EngineExecutionResults results) {
    results.allEvents().failed().stream().findFirst().ifPresent(event -> {
      throw new AssertionError("[" + event.getTestDescriptor().getDisplayName() + "] failed",
          event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElse(null));
    });
    results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(6));
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  @OnlyThroughTestKit
  @SpringJUnitConfig(Services.class)
  abstract static class Fixture {
    @Chaos("db") static InetSocketAddress db = listening();
    @Chaos("cache") static InetSocketAddress cache = listening();
    @Chaos("events") static InetSocketAddress events = listening();
    @Chaos("broker") static InetSocketAddress broker = listening();
    @Chaos("documents") static InetSocketAddress documents = listening();
    static InetSocketAddress other = listening();

    @Autowired JdbcConnectionDetails jdbc;
    @Autowired DataRedisConnectionDetails redis;
    @Autowired KafkaConnectionDetails kafka;
    @Autowired RabbitConnectionDetails rabbit;
    @Autowired MongoConnectionDetails mongo;

    @Test
    void jdbcUrlNamesTheProxy(ChaosTopology topology) {
      assertThat(jdbc.getJdbcUrl()).isEqualTo("jdbc:postgresql://" + topology.proxy("db").hostPort() + "/orders");
      assertThat(jdbc.getUsername()).isEqualTo("app");
    }

    @Test
    void redisNamesTheProxy(ChaosTopology topology) {
      assertThat(redis.getStandalone().getHost() + ":" + redis.getStandalone().getPort())
          .isEqualTo(topology.proxy("cache").hostPort());
      assertThat(redis.getStandalone().getDatabase()).isEqualTo(3);
    }

    @Test
    void everyKafkaClientNamesTheProxy(ChaosTopology topology) {
      String proxy = topology.proxy("events").bootstrapServers();
      String untouched = address(other);
      assertThat(kafka.getBootstrapServers()).containsExactly(proxy, untouched);
      assertThat(List.of(kafka.getConsumer(), kafka.getProducer(), kafka.getAdmin(), kafka.getStreams()))
          .allSatisfy(client -> assertThat(client.getBootstrapServers()).containsExactly(proxy, untouched));
    }

    @Test
    void rabbitAddressesNameTheProxy(ChaosTopology topology) {
      ProxyEndpoint proxy = topology.proxy("broker");
      assertThat(rabbit.getAddresses()).containsExactly(new RabbitConnectionDetails.Address(proxy.host(), proxy.port()),
          new RabbitConnectionDetails.Address(other.getHostString(), other.getPort()));
      assertThat(rabbit.getVirtualHost()).isEqualTo("orders");
    }

    @Test
    void mongoConnectionStringNamesTheProxy(ChaosTopology topology) {
      assertThat(mongo.getConnectionString().getConnectionString())
          .isEqualTo("mongodb://" + topology.proxy("documents").hostPort() + "/orders");
    }

    @Test
    void otherServicesKeepTheirAddress(@Autowired Map<String, OtherDetails> others) {
      assertThat(others.values()).singleElement().extracting(OtherDetails::getJdbcUrl)
          .isEqualTo("jdbc:postgresql://" + address(other) + "/other");
    }
  }

  @TestInstance(Lifecycle.PER_CLASS)
  @ChaosTest
  static class PerClass extends Fixture {}

  @ChaosTest
  static class PerMethod extends Fixture {}

  static class WithoutChaosTest extends Fixture {}

  /** Details a user declared for a service that is no chaos service. */
  interface OtherDetails extends JdbcConnectionDetails {}

  @Configuration(proxyBeanMethods = false)
  static class Services {
    @Bean
    JdbcConnectionDetails jdbc() {
      return details("jdbc:postgresql://" + address(Fixture.db) + "/orders");
    }

    @Bean
    OtherDetails otherJdbc() {
      String url = "jdbc:postgresql://" + address(Fixture.other) + "/other";
      return new OtherDetails() {
        @Override
        public String getUsername() {
          return "app";
        }

        @Override
        public String getPassword() {
          return "secret";
        }

        @Override
        public String getJdbcUrl() {
          return url;
        }
      };
    }

    @Bean
    DataRedisConnectionDetails redis() {
      return new DataRedisConnectionDetails() {
        @Override
        public Standalone getStandalone() {
          return Standalone.of(Fixture.cache.getHostString(), Fixture.cache.getPort(), 3);
        }
      };
    }

    @Bean
    KafkaConnectionDetails kafka() {
      return () -> List.of(address(Fixture.events), address(Fixture.other));
    }

    @Bean
    RabbitConnectionDetails rabbit() {
      return new RabbitConnectionDetails() {
        @Override
        public List<Address> getAddresses() {
          return List.of(new Address(Fixture.broker.getHostString(), Fixture.broker.getPort()),
              new Address(Fixture.other.getHostString(), Fixture.other.getPort()));
        }

        @Override
        public String getVirtualHost() {
          return "orders";
        }
      };
    }

    @Bean
    MongoConnectionDetails mongo() {
      return () -> new ConnectionString("mongodb://" + address(Fixture.documents) + "/orders");
    }
  }

  private static JdbcConnectionDetails details(String url) {
    return new JdbcConnectionDetails() {
      @Override
      public String getUsername() {
        return "app";
      }

      @Override
      public String getPassword() {
        return "secret";
      }

      @Override
      public String getJdbcUrl() {
        return url;
      }
    };
  }

  static String address(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }

  private static InetSocketAddress listening() {
    try {
      @SuppressWarnings("resource") // listens until the JVM ends: the proxies' upstreams
      ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
      return new InetSocketAddress("127.0.0.1", socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
