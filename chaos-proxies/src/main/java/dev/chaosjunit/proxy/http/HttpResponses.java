package dev.chaosjunit.proxy.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.fault.Action;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Encodes an injected response as a complete HTTP/1.1 message: status line with the standard reason
 * phrase, {@code Content-Type} (text/plain unless given), {@code Content-Length}, the rule's
 * {@code header.<Name>} fields in name order, {@code Connection: close} when the connection ends with it,
 * and the body ({@code message}; for an error without one, the reason phrase). No body after HEAD. The
 * status, headers and body are the same for HTTP/2 (which writes its own frames from them).
 */
@API(status = INTERNAL, since = "0.1")
public final class HttpResponses {

  /** A RESPOND's parameters for the status and the body; headers are {@code header.<Name>}, in both actions. */
  static final String CODE = "code";
  static final String MESSAGE = "message";
  static final String HEADER = Action.Rewrite.HEADER;

  private HttpResponses() {}

  static ByteBuf encode(ByteBufAllocator alloc, Action action, boolean head, boolean close) {
    int status = status(action);
    String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
    byte[] body = body(action).getBytes(StandardCharsets.UTF_8);
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

  /** The status: an ERROR's code, default 500; a RESPOND's {@code code}, default 200. */
  public static int status(Action action) {
    if (action instanceof Action.Error error) {
      return error.code().isEmpty() ? 500 : Integer.parseInt(error.code());
    }
    return Integer.parseInt(params(action).getOrDefault(CODE, "200"));
  }

  /** An ERROR's message, default the reason phrase; a RESPOND's {@code message}, default empty. */
  public static String body(Action action) {
    if (action instanceof Action.Error error) {
      return error.message().isEmpty() ? HttpResponseStatus.valueOf(status(action)).reasonPhrase() : error.message();
    }
    return params(action).getOrDefault(MESSAGE, "");
  }

  /** The protocol parameters: an ERROR's extras, a RESPOND's or a REWRITE's parameters. */
  static Map<String, String> params(Action action) {
    if (action instanceof Action.Rewrite rewrite) {
      return rewrite.params();
    }
    return action instanceof Action.Error error ? error.params() : ((Action.Respond) action).params();
  }

  /** A REWRITE's headers to remove, as written, in a set that ignores case. */
  public static Set<String> removed(Action.Rewrite rewrite) {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    rewrite.param(Action.Rewrite.REMOVE).ifPresent(list -> {
      for (String name : list.split(",", -1)) {
        names.add(name.strip());
      }
    });
    return names;
  }

  /** The rule's {@code header.<Name>} fields (an ERROR's, a RESPOND's, a REWRITE's) by name (case-insensitive order). */
  public static Map<String, String> headers(Action action) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    params(action).forEach((key, value) -> {
      if (key.startsWith(HEADER)) {
        headers.put(key.substring(HEADER.length()), value);
      }
    });
    return headers;
  }
}
