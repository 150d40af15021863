package dev.chaosjunit.proxy.grpc;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.testkit.FuzzInput;
import dev.chaosjunit.proxy.testkit.SeedCorpus;
import dev.chaosjunit.proxy.testkit.SessionFuzzer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gRPC session (HTTP/2 frames, and the h2c upgrade from HTTP/1.1) under any bytes, both ways, with and
 * without a rule that fires in either direction (see {@link SessionFuzzer}). With no rule it relays byte for
 * byte.
 */
class GrpcFuzzTest {

  private static final SessionFuzzer FUZZER = SessionFuzzer.of(new GrpcInspector())
      .ruleSet(rule(Direction.UPSTREAM, "/**", Action.Error.of("UNAVAILABLE", "try again")))
      .ruleSet(rule(Direction.UPSTREAM, "/shop.Orders/Place", new Action.Delay(Duration.ofMillis(5))),
          rule(Direction.DOWNSTREAM, "/**", Action.Error.of("DEADLINE_EXCEEDED", "")))
      .ruleSet(rule(Direction.UPSTREAM, "/shop.Orders/List", new Action.Drop(DropMode.RST_STREAM)),
          rule(Direction.DOWNSTREAM, "/**", new Action.Drop(DropMode.GOAWAY, Map.of("code", "ENHANCE_YOUR_CALM"))))
      .ruleSet(rule(Direction.UPSTREAM, "/**", new Action.Drop(DropMode.RESET)));

  private static Rule rule(Direction direction, String method, Action action) {
    return new Rule("r", "", direction, Map.of("method", method), action, 1, 0, 0);
  }

  @FuzzTest
  void session(byte[] input) throws Exception {
    FUZZER.run(input);
  }

  @Test
  void seedsAreInTheCorpus() throws Exception {
    H2 client = new H2();
    H2 server = new H2();
    byte[] calls = H2.concat(Http2FrameReader.PREFACE, H2.settings(),
        client.headers(1, H2.request("/shop.Orders/Place", "x-tenant", "acme"), false, false), H2.message(1, "order", true),
        client.headers(3, H2.request("/shop.Orders/List"), false, true), H2.message(3, "list", true));
    byte[] answers = H2.concat(H2.settings(), server.headers(1, H2.responseHeaders(), false, false),
        H2.message(1, "placed", false), server.headers(1, H2.trailers(0), true, true),
        server.headers(3, H2.responseHeaders(), false, false), H2.message(3, "a", false), H2.message(3, "b", false),
        server.headers(3, H2.trailers(0), true, false));
    byte[] upgrade = bytes("POST /shop.Orders/Place HTTP/1.1\r\nHost: orders\r\nConnection: Upgrade, HTTP2-Settings\r\n"
        + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\nContent-Length: 5\r\n\r\norder");
    H2 upgradedServer = new H2();
    byte[] switched = H2.concat(bytes("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n"),
        H2.settings(), upgradedServer.headers(1, H2.responseHeaders(), false, false), H2.message(1, "placed", false),
        upgradedServer.headers(1, H2.trailers(0), true, false));
    byte[] afterUpgrade = H2.concat(Http2FrameReader.PREFACE, H2.settings());
    byte[] block = new H2().headers(1, H2.request("/shop.Orders/Place"), false, true);
    int continuation = 9 + ((block[0] & 0xFF) << 16 | (block[1] & 0xFF) << 8 | (block[2] & 0xFF));
    byte[] dataInsideABlock = H2.concat(Http2FrameReader.PREFACE, H2.settings(), Arrays.copyOf(block, continuation),
        H2.message(1, "order", true), Arrays.copyOfRange(block, continuation, block.length));
    SeedCorpus.check(getClass(), "session", Map.of(
        "calls", FuzzInput.seed(0).client(calls, 17).server(answers, 23).bytes(),
        "calls-unavailable", FuzzInput.seed(1).client(calls).server(answers).bytes(),
        "calls-deadline", FuzzInput.seed(2).client(calls).server(answers, 9).bytes(),
        "calls-rst-goaway", FuzzInput.seed(3).client(calls).server(answers).bytes(),
        "calls-reset", FuzzInput.seed(4).client(calls).server(answers).bytes(),
        "h2c-upgrade", FuzzInput.seed(0).client(upgrade, 7).server(switched, 5).client(afterUpgrade, 3).bytes(),
        "h2c-upgrade-unavailable", FuzzInput.seed(1).client(upgrade).server(switched).client(afterUpgrade).bytes(),
        "data-inside-a-header-block", FuzzInput.seed(0).client(dataInsideABlock).bytes()));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(ISO_8859_1);
  }
}
