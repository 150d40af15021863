package dev.chaosjunit.proxy.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.images.Images;
import dev.chaosjunit.proxy.testkit.CapturedSeeds;
import dev.chaosjunit.proxy.testkit.TrafficRecorder;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

/**
 * Captures the text protocol of spymemcached and xmemcached with a real memcached as seeds of {@link
 * MemcachedFuzzTest} (see {@link CapturedSeeds}): sets, gets, a multi-get, a miss, noreply deletes, incr.
 */
@Tag("capture")
class MemcachedCaptureTest {

  @Test
  void clients() throws Exception {
    try (GenericContainer<?> memcached = new GenericContainer<>(Images.memcached()).withExposedPorts(11211)) {
      memcached.start();
      try (TrafficRecorder recorder = TrafficRecorder.to(memcached.getHost(), memcached.getMappedPort(11211))) {
        net.spy.memcached.MemcachedClient spy = new net.spy.memcached.MemcachedClient(
            new InetSocketAddress("127.0.0.1", recorder.port()));
        try {
          assertThat(spy.set("order:1", 0, "book").get(5, TimeUnit.SECONDS)).isTrue();
          assertThat(spy.get("order:1")).isEqualTo("book");
          assertThat(spy.getBulk(List.of("order:1", "order:2"))).containsOnlyKeys("order:1");
          assertThat(spy.incr("count", 1, 1)).isEqualTo(1);
        } finally {
          spy.shutdown(5, TimeUnit.SECONDS);
        }
        MemcachedClient x = new XMemcachedClientBuilder(List.of(new InetSocketAddress("127.0.0.1", recorder.port()))).build();
        try {
          assertThat(x.set("order:3", 0, "pen")).isTrue();
          x.deleteWithNoReply("order:1");
          assertThat((String) x.get("order:3")).isEqualTo("pen");
          assertThat((Object) x.get("order:1")).isNull();
        } finally {
          x.shutdown();
        }
        assertThat(CapturedSeeds.save(MemcachedFuzzTest.class, "session", "clients", recorder, new MemcachedFuzzTest()::session))
            .isEqualTo(2);
      }
    }
  }
}
