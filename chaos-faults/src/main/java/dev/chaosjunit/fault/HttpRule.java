package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * An HTTP rule, for HTTP/1.1 and for HTTP/2 with prior knowledge (h2c) alike: match keys {@code method},
 * {@code path}, {@code authority}, {@code header.<Name>}; errors carry a status {@code code} and body
 * {@code message}; {@link #rewriteResponseHeaders} changes the headers of the server's own response. On HTTP/2 every fault concerns one stream, the others on the connection go on.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HttpRule extends RuleBuilder<HttpRule> {

  private final Map<String, String> responseHeaders = new LinkedHashMap<>();

  HttpRule(String service) {
    super(service, "http");
  }

  /** Matches requests by method, e.g. {@code POST}. */
  public HttpRule method(String methodGlob) {
    return match("method", methodGlob);
  }

  /** Matches requests by path, e.g. {@code /orders/**}. */
  public HttpRule path(String pathGlob) {
    return match("path", pathGlob);
  }

  /** Matches requests by authority: HTTP/2's {@code :authority}, HTTP/1.1's {@code Host}, e.g. {@code api.local:*}. */
  public HttpRule authority(String authorityGlob) {
    return match("authority", authorityGlob);
  }

  /** Matches requests carrying a header whose value matches. */
  public HttpRule header(String name, String valueGlob) {
    return match("header." + name, valueGlob);
  }

  /** Adds a header to the error response, e.g. {@code Retry-After}. */
  public HttpRule responseHeader(String name, String value) {
    responseHeaders.put("header." + Checks.name(name, "header name"), value);
    return this;
  }

  /** Answers with {@code status} and {@code body} (plus any {@link #responseHeader response headers}). */
  public Fault error(int status, String body) {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("an injected HTTP response has a final status, 200 to 599, was [" + status + "]");
    }
    return build(new Action.Error(Integer.toString(status), body, responseHeaders));
  }

  /**
   * Lets the server answer the matching request and changes the headers of its response on the way to
   * the client, e.g. {@code rewriteResponseHeaders(h -> h.remove("Content-Type").set("Cache-Control", "no-store"))}.
   * The status, the body and its framing stay as the server sent them; interim (1xx) responses and
   * trailers are not changed. HTTP/2: the stream's response alone, the other streams go on.
   */
  public Fault rewriteResponseHeaders(Consumer<ResponseHeaders> changes) {
    if (!responseHeaders.isEmpty()) {
      throw new IllegalArgumentException("responseHeader(...) adds to an injected error, not to the server's response:"
          + " use set(name, value) inside rewriteResponseHeaders");
    }
    ResponseHeaders headers = new ResponseHeaders();
    changes.accept(headers);
    return build(new Action.Rewrite(headers.params()));
  }

  /**
   * HTTP/2: ends the matching request's stream with RST_STREAM carrying {@code code} (the server's side
   * of the stream is cancelled); the other streams of the connection go on. HTTP/1.1: closes the connection.
   */
  public Fault rstStream(Http2ErrorCode code) {
    return build(Action.Drop.http2(DropMode.RST_STREAM, code));
  }

  /**
   * HTTP/2: sends GOAWAY naming the stream before the matching request as the last one processed
   * (RFC 9113, section 6.8). {@link Http2ErrorCode#NO_ERROR} drains: the streams in flight finish, the
   * matching request and later ones are refused (the client retries them on a new connection); any other
   * code ends the connection. HTTP/1.1: closes the connection.
   */
  public Fault goAway(Http2ErrorCode code) {
    return build(Action.Drop.http2(DropMode.GOAWAY, code));
  }
}
