package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/** An HTTP/1.1 rule: match keys {@code method}, {@code path}, {@code header.<Name>}; errors carry a status {@code code} and body {@code message}. */
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
}
