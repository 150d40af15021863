package dev.chaosjunit.images.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.images.Images;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import net.spy.memcached.MemcachedClient;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

/** memcached through Testcontainers, one write and one read with spymemcached. */
class MemcachedSmokeTest {

  @Test
  void setThenGetWithSpymemcached() throws Exception {
    try (GenericContainer<?> memcached = new GenericContainer<>(Images.memcached())
        .withExposedPorts(11211).withStartupTimeout(Startup.TIMEOUT)) {
      memcached.start();
      MemcachedClient client = new MemcachedClient(
          new InetSocketAddress(memcached.getHost(), memcached.getMappedPort(11211)));
      try {
        assertThat(client.set("smoke", 60, "memcached-ok").get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(client.get("smoke")).isEqualTo("memcached-ok");
      } finally {
        client.shutdown(5, TimeUnit.SECONDS);
      }
    }
  }
}
