package dev.chaosjunit.proxy.memcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import net.rubyeye.xmemcached.exception.MemcachedServerException;
import net.spy.memcached.BinaryConnectionFactory;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.ops.OperationErrorType;
import net.spy.memcached.ops.OperationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

/**
 * spymemcached (and xmemcached for {@code noreply}) against a real memcached through the proxy engine: what
 * an application sees for each Memcached fault. {@code proxied} goes through the proxy; {@code direct} talks to
 * the server itself and so shows what reached it.
 */
class MemcachedClientAcceptanceTest {

  static GenericContainer<?> memcached;
  static ProxyEngine engine;
  Proxy relay;
  MemcachedClient direct;
  MemcachedClient proxied;

  @BeforeAll
  static void startServer() {
    memcached = new GenericContainer<>(Images.memcached()).withExposedPorts(11211);
    memcached.start();
    engine = ProxyEngine.start();
  }

  @AfterAll
  static void stopServer() {
    engine.close();
    memcached.stop();
  }

  @BeforeEach
  void connect() throws Exception {
    relay = engine.create(ProxySpec.of("cache", server()).withProtocol("memcached"));
    direct = new MemcachedClient(new InetSocketAddress(memcached.getHost(), memcached.getMappedPort(11211)));
    proxied = new MemcachedClient(new ConnectionFactoryBuilder().setOpTimeout(5000).build(), List.of(proxyAddress()));
    direct.flush().get(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void disconnect() {
    proxied.shutdown(1, TimeUnit.SECONDS);
    direct.shutdown(1, TimeUnit.SECONDS);
    engine.remove(relay.name());
  }

  static String server() {
    return memcached.getHost() + ":" + memcached.getMappedPort(11211);
  }

  InetSocketAddress proxyAddress() {
    return new InetSocketAddress("127.0.0.1", relay.listenAddress().getPort());
  }

  static Rule rule(Fault fault, String name) {
    return (Rule) fault.named(name).effects().get(0).effect();
  }

  @Test
  void aServerErrorReachesTheCallerAsAServerOperationExceptionAndTheWriteNeverReachesTheServer() throws Exception {
    relay.addRule(rule(Fault.on("cache").memcached().command("set").key("session:*").serverError("out of memory storing object"), "oom"));

    assertThatThrownBy(() -> proxied.set("session:1", 0, "lost").get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(OperationException.class)
        .hasMessage("SERVER_ERROR out of memory storing object")
        .satisfies(e -> assertThat(((OperationException) e).getType()).isEqualTo(OperationErrorType.SERVER));
    assertThat(direct.get("session:1")).isNull();

    assertThat(proxied.set("user:1", 0, "kept").get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(direct.get("user:1")).isEqualTo("kept");
  }

  @Test
  void aForcedMissReturnsNullForTheMatchedKeysOfAMultiGetAlone() throws Exception {
    for (String key : List.of("user:1", "session:1", "user:2", "session:2")) {
      direct.set(key, 0, "value of " + key).get(5, TimeUnit.SECONDS);
    }
    relay.addRule(rule(Fault.on("cache").memcached().command("get*").key("session:*").miss(), "miss"));

    Map<String, Object> values = proxied.getBulk("user:1", "session:1", "user:2", "session:2");

    assertThat(values).containsOnly(Map.entry("user:1", "value of user:1"), Map.entry("user:2", "value of user:2"));
    assertThat(proxied.get("session:1")).isNull();
    assertThat(proxied.gets("session:2")).isNull();
    assertThat(proxied.get("user:1")).isEqualTo("value of user:1");
    assertThat(direct.get("session:1")).isEqualTo("value of session:1");
  }

  @Test
  void notStoredMakesAnAddReturnFalse() throws Exception {
    relay.addRule(rule(Fault.on("cache").memcached().command("add").key("lock:*").notStored(), "taken"));

    assertThat(proxied.add("lock:1", 0, "me").get(5, TimeUnit.SECONDS)).isFalse();
    assertThat(direct.get("lock:1")).isNull();
    assertThat(proxied.add("other", 0, "me").get(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void noreplySetsKeepWorkingAndAnInjectedErrorAfterThemArrivesInOrder() throws Exception {
    relay.addRule(rule(Fault.on("cache").memcached().key("broken:*").serverError("out of memory storing object"), "oom"));
    var client = new XMemcachedClientBuilder(List.of(proxyAddress())).build();
    try {
      for (int i = 0; i < 100; i++) {
        client.setWithNoReply("quiet:" + i, 0, "v" + i);
      }
      client.setWithNoReply("broken:1", 0, "lost");
      assertThatThrownBy(() -> client.get("broken:2")).isInstanceOf(MemcachedServerException.class)
          .hasMessage("out of memory storing object,key=broken:2");
      assertThat(client.<String>get("quiet:99")).isEqualTo("v99");
      assertThat(direct.get("quiet:0")).isEqualTo("v0");
      assertThat(direct.get("broken:1")).isNull();
    } finally {
      client.shutdown();
    }
  }

  @Test
  void aDelayHoldsTheCommandBack() throws Exception {
    direct.set("slow", 0, "v").get(5, TimeUnit.SECONDS);
    relay.addRule(rule(Fault.on("cache").memcached().key("slow").delay(Duration.ofMillis(700)), "slow"));

    long start = System.nanoTime();
    assertThat(proxied.get("slow")).isEqualTo("v");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
  }

  @Test
  void aDropClosesTheConnectionAndTheClientReconnects() throws Exception {
    relay.addRule(rule(Fault.on("cache").memcached().key("gone").times(1).drop(DropMode.CLOSE), "close"));

    assertThatThrownBy(() -> proxied.asyncGet("gone").get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Object value = null;
    while (value == null && System.nanoTime() < deadline) {
      direct.set("back", 0, "v").get(5, TimeUnit.SECONDS);
      value = getOrNull("back");
    }
    assertThat(value).isEqualTo("v");
  }

  private Object getOrNull(String key) throws InterruptedException {
    try {
      return proxied.asyncGet(key).get(1, TimeUnit.SECONDS);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      Thread.sleep(100);
      return null;
    }
  }

  @Test
  void theBinaryProtocolIsRelayedUninspected() throws Exception {
    relay.addRule(rule(Fault.on("cache").memcached().key("*").serverError("never sent"), "everything"));
    MemcachedClient binary = new MemcachedClient(new BinaryConnectionFactory(), List.of(proxyAddress()));
    try {
      assertThat(binary.set("bin", 0, "v").get(5, TimeUnit.SECONDS)).isTrue();
      assertThat(binary.get("bin")).isEqualTo("v");
    } finally {
      binary.shutdown(1, TimeUnit.SECONDS);
    }
  }
}
