package dev.chaosjunit.proxy.http;

import static dev.chaosjunit.proxy.http.HttpSessionTest.GET_A;
import static dev.chaosjunit.proxy.http.HttpSessionTest.GET_B;
import static dev.chaosjunit.proxy.http.HttpSessionTest.H2C_OFFER;
import static dev.chaosjunit.proxy.http.HttpSessionTest.OK_A;
import static dev.chaosjunit.proxy.http.HttpSessionTest.OK_B;
import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.grpc.H2;
import dev.chaosjunit.proxy.testkit.FuzzInput;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import dev.chaosjunit.proxy.testkit.SeedCorpus;
import dev.chaosjunit.proxy.testkit.SessionFuzzer;
import dev.chaosjunit.proxy.testkit.SessionFuzzer.RelayCheck;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The HTTP/1.1 session under any bytes, both ways, with and without a rule that fires (see {@link
 * SessionFuzzer}), h2c upgrade offers, HTTP/2 with prior knowledge and header rewrites included. With no rule it relays byte
 * for byte, except a request head that offers h2c, which it declines by rewriting that head (so client bytes
 * that name h2c are not compared), and the server's header blocks on HTTP/2, which it writes anew (so on a
 * connection that starts with the HTTP/2 preface the server's bytes are not compared).
 */
class HttpFuzzTest {

  private static final SessionFuzzer FUZZER = SessionFuzzer.of(new HttpInspector())
      .ruleSet(rule(Map.of("path", "/**"), new Action.Error("503", "busy", Map.of("header.Retry-After", "7")), 0))
      .ruleSet(rule(Map.of("method", "POST"), new Action.Respond(Map.of("code", "201")), 0),
          rule(Map.of("path", "/**"), new Action.Delay(Duration.ofMillis(5)), 0))
      .ruleSet(rule(Map.of("header.Upgrade", "*"), new Action.Drop(DropMode.RESET), 0),
          rule(Map.of("path", "/**"), new Action.Drop(DropMode.CLOSE), 1))
      .ruleSet(rule(Map.of("path", "/**"), new Action.Rewrite(Map.of("header.Cache-Control", "no-store",
          "remove", "Content-Type")), 0))
      .relayCheck(HttpFuzzTest::relaysAllButDeclinedH2cOffers);

  private static Rule rule(Map<String, String> match, Action action, long after) {
    return new Rule("r", "", Direction.UPSTREAM, match, action, 1, after, 0);
  }

  @FuzzTest
  void session(byte[] input) throws Exception {
    FUZZER.run(input);
  }

  private static void relaysAllButDeclinedH2cOffers(byte[] fromClient, byte[] fromServer, byte[] toServer, byte[] toClient) {
    if (!new String(fromClient, ISO_8859_1).toLowerCase(Locale.ROOT).contains("h2c")) {
      RelayCheck.assertRelayed(toServer, fromClient, "to the server");
    }
    if (!new String(fromClient, ISO_8859_1).startsWith("PRI")) {
      RelayCheck.assertRelayed(toClient, fromServer, "to the client");
    }
  }

  @Test
  void seedsAreInTheCorpus() throws Exception {
    byte[] requests = bytes(GET_A + "POST /up HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n" + GET_B);
    byte[] responses = bytes(OK_A + "HTTP/1.1 204 No Content\r\n\r\n" + OK_B);
    byte[] websocket = bytes("GET /ws HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n");
    byte[] switching = bytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\u0081\u0002hi");
    byte[] continued = bytes("POST /up HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok");
    byte[] continueAnswers = bytes("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    SeedCorpus.check(getClass(), "session", Map.of(
        "pipelined", FuzzInput.seed(0).client(requests, 11).server(responses, 13).bytes(),
        "pipelined-unavailable", FuzzInput.seed(1).client(requests).server(responses).bytes(),
        "pipelined-respond", FuzzInput.seed(2).client(requests).server(responses, 4).bytes(),
        "h2c-offer", FuzzInput.seed(0).client(bytes(H2C_OFFER + GET_B), 9).server(bytes(OK_A + OK_A)).bytes(),
        "h2c-offer-unavailable", FuzzInput.seed(1).client(bytes(H2C_OFFER)).server(bytes(OK_A)).bytes(),
        "websocket", FuzzInput.seed(0).client(websocket).server(switching).client(bytes("\u0081\u0082ab")).bytes(),
        "websocket-reset", FuzzInput.seed(3).client(websocket).server(switching).bytes(),
        "expect-continue", FuzzInput.seed(0).client(continued, 20).server(continueAnswers).bytes()));
    SeedCorpus.check(getClass(), "session", Map.of(
        "h2-prior-knowledge", FuzzInput.seed(0).client(h2Requests(), 17).server(h2Responses(), 11).bytes(),
        "h2-prior-knowledge-unavailable", FuzzInput.seed(1).server(H2.settings()).client(h2Requests()).server(h2Responses()).bytes(),
        "h2-prior-knowledge-delay", FuzzInput.seed(2).client(h2Requests()).server(h2Responses(), 5).bytes(),
        "h2-prior-knowledge-rewrite", FuzzInput.seed(4).client(h2Requests()).server(h2Responses(), 7).bytes(),
        "pipelined-rewrite", FuzzInput.seed(4).client(requests).server(responses, 3).bytes()));
  }

  private static byte[] h2Requests() throws Exception {
    H2 client = new H2();
    return H2.concat(H2.preface(), H2.settings(), client.headers(1, h2Get("/orders/7"), true, true),
        client.headers(3, h2Get("/orders/8"), true, false));
  }

  private static byte[] h2Responses() throws Exception {
    H2 server = new H2();
    Http2Headers ok = new DefaultHttp2Headers().status("200").add("content-type", "application/json");
    return H2.concat(H2.settings(), server.headers(1, ok, false, false), H2.data(1, bytes("{}"), true),
        server.headers(3, ok, false, true), H2.data(3, bytes("{}"), true));
  }

  private static Http2Headers h2Get(String path) {
    return new DefaultHttp2Headers().method("GET").scheme("http").authority("api.local").path(path);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(ISO_8859_1);
  }
}
