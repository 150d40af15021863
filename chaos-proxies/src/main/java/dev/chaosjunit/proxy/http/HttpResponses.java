package dev.chaosjunit.proxy.http;

import dev.chaosjunit.proxy.rule.ActionSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encodes an injected response as a complete HTTP/1.1 message: status line with the standard reason
 * phrase, {@code Content-Type} (text/plain unless given), {@code Content-Length}, the rule's
 * {@code header.<Name>} fields in name order, {@code Connection: close} when the connection ends with it,
 * and the body ({@code message}; for an error without one, the reason phrase). No body after HEAD.
 */
final class HttpResponses {

  private HttpResponses() {}

  static ByteBuf encode(ByteBufAllocator alloc, ActionSpec action, boolean head, boolean close) {
    int status = status(action);
    String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
    byte[] body = body(action, reason).getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = headers(action);
    StringBuilder text = new StringBuilder(128).append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
    if (headers.keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
      text.append("Content-Type: text/plain; charset=utf-8\r\n");
    }
    text.append("Content-Length: ").append(body.length).append("\r\n");
    headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
    if (close) {
      text.append("Connection: close\r\n");
    }
    byte[] start = text.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    ByteBuf out = alloc.buffer(start.length + (head ? 0 : body.length));
    return head ? out.writeBytes(start) : out.writeBytes(start).writeBytes(body);
  }

  /** The status: {@code code}, default 500 for ERROR and 200 for RESPOND. */
  static int status(ActionSpec action) {
    String fallback = action.type() == ActionSpec.Type.ERROR ? "500" : "200";
    return Integer.parseInt(action.param("code").orElse(fallback));
  }

  private static String body(ActionSpec action, String reason) {
    return action.param("message").orElse(action.type() == ActionSpec.Type.ERROR ? reason : "");
  }

  private static Map<String, String> headers(ActionSpec action) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    action.params().forEach((key, value) -> {
      if (key.startsWith("header.")) {
        headers.put(key.substring("header.".length()), value);
      }
    });
    return headers;
  }
}
