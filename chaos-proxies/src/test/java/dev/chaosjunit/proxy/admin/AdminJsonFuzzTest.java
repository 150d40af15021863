package dev.chaosjunit.proxy.admin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chaosjunit.proxy.EngineOptions;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import dev.chaosjunit.proxy.testkit.Deadline;
import dev.chaosjunit.proxy.testkit.SeedCorpus;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The admin API's JSON under any request body: {@code Json.parse} and the validation of the endpoints that
 * read one (a rule on a proxy of each protocol, a toxic, a toxic's update, a proxy's fields), through the
 * real router on a real engine. The first byte picks the endpoint and the proxy, the rest is the body.
 * Every answer must be the API's own: a 2xx, or a 4xx with Toxiproxy's JSON error body; a 5xx means an
 * exception the endpoints did not expect, i.e. a bug. No hang: each input within {@link Deadline#LIMIT}.
 */
class AdminJsonFuzzTest {

  private static final List<String> PROTOCOLS = List.of("postgres", "mysql", "redis", "http", "kafka", "grpc", "");
  private static final String TOXIC = "{\"name\":\"base\",\"type\":\"latency\",\"attributes\":{\"latency\":10}}";
  private static final ProxyEngine ENGINE = ProxyEngine.start(EngineOptions.defaults().withSeed(1));
  private static final AdminRouter ROUTER = AdminServer.router(ENGINE);

  static {
    PROTOCOLS.forEach(p -> ENGINE.create(ProxySpec.of(proxy(p), "127.0.0.1:1").withProtocol(p.isEmpty() ? null : p)));
  }

  /** Its engine's threads must not outlive the class: other tests check that a closed engine leaves none. */
  @AfterAll
  static void closeEngine() {
    ENGINE.close();
  }

  private static String proxy(String protocol) {
    return protocol.isEmpty() ? "tcp" : protocol;
  }

  @FuzzTest
  void body(byte[] input) throws Exception {
    Deadline.run(() -> answer(input));
  }

  private static void answer(byte[] input) {
    int pick = input.length == 0 ? 0 : Byte.toUnsignedInt(input[0]);
    byte[] body = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
    String proxy = proxy(PROTOCOLS.get(pick / 4 % PROTOCOLS.size()));
    try {
      AdminResponse response = switch (pick % 4) {
        case 0 -> post("POST", body, "proxies", proxy, "rules");
        case 1 -> post("POST", body, "proxies", proxy, "toxics");
        case 2 -> {
          post("POST", TOXIC.getBytes(UTF_8), "proxies", proxy, "toxics");
          yield post("PATCH", body, "proxies", proxy, "toxics", "base");
        }
        default -> proxyFields(body);
      };
      assertThat(response.status()).as("status of %s", new String(response.body(), UTF_8)).isLessThan(500);
      if (response.status() >= 400) {
        assertThat(Json.parse(response.body()).path("status").asInt()).isEqualTo(response.status());
      }
    } finally {
      ENGINE.reset();
    }
  }

  private static AdminResponse post(String method, byte[] body, String... path) {
    return ROUTER.handle(new AdminRequest(method, List.of(path), body));
  }

  /** A proxy's fields are read and checked before the engine binds anything: those checks alone. */
  private static AdminResponse proxyFields(byte[] body) {
    try {
      ProxyInput.create(Json.parse(body), "");
      return AdminResponse.noContent();
    } catch (ApiException e) {
      return AdminResponse.error(e.status(), e.getMessage());
    }
  }

  @Test
  void seedsAreInTheCorpus() throws Exception {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    seeds.put("rule-postgres", seed(0, 0, "{\"name\":\"insertFails\",\"direction\":\"upstream\",\"match\":{\"sql\":\"INSERT*\"},"
        + "\"action\":{\"type\":\"error\",\"params\":{\"code\":\"53100\",\"message\":\"disk full\"}},\"probability\":0.5,"
        + "\"after\":1,\"times\":2}"));
    seeds.put("rule-mysql", seed(1, 0, "{\"name\":\"dup\",\"match\":{\"sql\":\"insert into*\"},\"action\":{\"type\":\"error\","
        + "\"params\":{\"code\":\"1062\",\"message\":\"Duplicate entry\",\"sqlstate\":\"23000\"}}}"));
    seeds.put("rule-redis", seed(2, 0, "{\"name\":\"ro\",\"match\":{\"command\":\"SET\",\"key\":\"user:*\"},\"action\":"
        + "{\"type\":\"respond\",\"params\":{\"value\":\"nil\"}}}"));
    seeds.put("rule-http", seed(3, 0, "{\"name\":\"busy\",\"match\":{\"path\":\"/api/**\",\"header.X-Tenant\":\"acme\"},"
        + "\"action\":{\"type\":\"error\",\"params\":{\"code\":\"503\",\"header.Retry-After\":\"7\"}}}"));
    seeds.put("rule-kafka", seed(4, 0, "{\"name\":\"notLeader\",\"match\":{\"topic\":\"orders\"},\"action\":{\"type\":\"error\","
        + "\"params\":{\"code\":\"NOT_LEADER_OR_FOLLOWER\"}}}"));
    seeds.put("rule-grpc", seed(5, 0, "{\"name\":\"cut\",\"direction\":\"downstream\",\"match\":{\"method\":\"/shop.Orders/*\"},"
        + "\"action\":{\"type\":\"drop\",\"params\":{\"mode\":\"goaway\"}}}"));
    seeds.put("rule-delay", seed(0, 0, "{\"name\":\"slow\",\"match\":{\"sql\":\"*\"},\"action\":{\"type\":\"delay\","
        + "\"params\":{\"ms\":\"250\"}}}"));
    seeds.put("toxic", seed(6, 1, "{\"name\":\"slow\",\"type\":\"latency\",\"stream\":\"downstream\",\"toxicity\":0.7,"
        + "\"attributes\":{\"latency\":2000,\"jitter\":100}}"));
    seeds.put("toxic-bandwidth", seed(2, 1, "{\"type\":\"bandwidth\",\"attributes\":{\"rate\":64}}"));
    seeds.put("toxic-update", seed(6, 2, "{\"attributes\":{\"latency\":5},\"toxicity\":1}"));
    seeds.put("proxy", seed(0, 3, "{\"name\":\"db\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:5432\","
        + "\"enabled\":true,\"protocol\":\"postgres\"}"));
    seeds.put("nested", seed(0, 0, "[".repeat(2000) + "]".repeat(2000)));
    seeds.put("malformed", seed(1, 1, "{\"name\":\"x\",\"attributes\":{\"latency\":1e400}"));
    SeedCorpus.check(getClass(), "body", seeds);
  }

  private static byte[] seed(int protocol, int endpoint, String body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(protocol * 4 + endpoint);
    out.writeBytes(body.getBytes(UTF_8));
    return out.toByteArray();
  }
}
