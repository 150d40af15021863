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
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<CharSequence, CharSequence> header : request) {
      String name = header.getKey().toString();
      if (!name.startsWith(":")) {
        headers.computeIfAbsent(HttpInspector.headerFact(name), k -> new ArrayList<>()).add(header.getValue().toString());
      }
    }
    return build(text(request.method()), text(request.path()), text(request.authority()), headers);
  }

  @Override
  public MessageFacts facts(Http11Head request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    request.headers().forEach(h -> headers.computeIfAbsent(HttpInspector.headerFact(h.getKey()), k -> new ArrayList<>())
        .add(h.getValue()));
    String host = request.header("host");
    return build(request.method(), request.target(), host == null ? "" : host, headers);
  }

  private static MessageFacts build(String method, String target, String authority, Map<String, List<String>> headers) {
    MessageFacts.Builder facts = MessageFacts.of(HttpInspector.NAME).put("method", method)
        .put("path", HttpInspector.path(target)).put("authority", authority);
    headers.forEach(facts::put);
    return facts.build();
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
