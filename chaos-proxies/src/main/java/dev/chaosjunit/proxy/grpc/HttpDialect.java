package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.proxy.http.HttpInspector;
import dev.chaosjunit.proxy.http.HttpResponses;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.proxy.rule.MessageFacts;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.Http2Headers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Plain HTTP over HTTP/2 (h2c with prior knowledge), under the {@code http} protocol's rules: the facts
 * of HTTP/1.1 ({@code method}, {@code path}, {@code authority}, {@code header.<name>}), an ERROR or
 * RESPOND answered as a status with headers and body (the same as on HTTP/1.1), a REWRITE of the
 * stream's response headers ({@link ResponseFrames}), and a DELAY that holds back the stream's response.
 */
enum HttpDialect implements StreamDialect {
  INSTANCE;

  @Override
  public MessageFacts facts(Http2Headers request) {
    Map<String, List<String>> facts = start(text(request.method()), text(request.path()), text(request.authority()));
    for (Map.Entry<CharSequence, CharSequence> header : request) {
      CharSequence name = header.getKey();
      if (name.length() == 0 || name.charAt(0) != ':') {
        add(facts, HttpInspector.headerFact(name.toString()), header.getValue().toString());
      }
    }
    return new MessageFacts(HttpInspector.NAME, facts);
  }

  @Override
  public MessageFacts facts(Http11Head request) {
    String host = request.header("host");
    Map<String, List<String>> facts = start(request.method(), request.target(), host == null ? "" : host);
    request.headers().forEach(h -> add(facts, HttpInspector.headerFact(h.getKey()), h.getValue()));
    return new MessageFacts(HttpInspector.NAME, facts);
  }

  /**
   * The facts of a request line, in a map sized for a request's usual dozen headers too (this runs per
   * request: the map is built once, then copied once into the facts).
   */
  private static Map<String, List<String>> start(String method, String target, String authority) {
    Map<String, List<String>> facts = new HashMap<>(32);
    facts.put("method", List.of(method));
    facts.put("path", List.of(HttpInspector.path(target)));
    facts.put("authority", List.of(authority));
    return facts;
  }

  /** Adds a header's value after the values of the same name before it. */
  private static void add(Map<String, List<String>> facts, String key, String value) {
    List<String> before = facts.putIfAbsent(key, List.of(value));
    if (before != null) {
      List<String> values = new ArrayList<>(before.size() + 1);
      values.addAll(before);
      values.add(value);
      facts.put(key, List.copyOf(values));
    }
  }

  private static String text(CharSequence value) {
    return value == null ? "" : value.toString();
  }

  /** {@code :status}, {@code content-type}, the rule's headers (lower case), {@code content-length}, then the body (none after HEAD). */
  @Override
  public void answer(Call call, Action answer, RelayPort port) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(":status", String.valueOf(HttpResponses.status(answer)));
    HttpResponses.headers(answer).forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
    headers.putIfAbsent("content-type", "text/plain; charset=utf-8");
    boolean head = call.facts.get("method").contains("HEAD");
    byte[] body = head ? new byte[0] : HttpResponses.body(answer).getBytes(StandardCharsets.UTF_8);
    headers.put("content-length", String.valueOf(body.length));
    port.toClient(Http2Frames.headers(call.streamId, headers, body.length == 0, port.alloc()));
    if (body.length > 0) {
      port.toClient(Http2Frames.data(call.streamId, Unpooled.wrappedBuffer(body), true, port.alloc()));
    }
    GrpcFaults.cancelOnServer(call, port);
  }

  @Override
  public boolean delaysResponses() {
    return true;
  }

  @Override
  public ServerHalf serverHalf(Calls calls, IntSupplier lastForwardedStream) {
    return new ResponseFrames(calls);
  }
}
