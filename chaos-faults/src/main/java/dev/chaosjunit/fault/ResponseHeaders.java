package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The changes {@link HttpRule#rewriteResponseHeaders} makes to the headers of the response the server
 * sent: headers to set (replacing every value the server gave that name, or added) and headers to
 * remove. Names are case-insensitive; the proxy's {@code http} inspector refuses, when the rule is
 * declared, the headers that cannot be changed (HTTP/2 pseudo-headers, connection-specific and framing
 * headers).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ResponseHeaders {

  private final Map<String, String> set = new LinkedHashMap<>();
  private final Set<String> remove = new LinkedHashSet<>();

  ResponseHeaders() {}

  /** Sets header {@code name} to {@code value}, e.g. {@code set("Cache-Control", "no-store")}. */
  public ResponseHeaders set(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException("value of response header [" + name + "] must not be null: use remove(name)"
          + " to take the header out");
    }
    set.put(Action.Rewrite.HEADER + Checks.name(name, "response header name"), value);
    return this;
  }

  /** Removes header {@code name}, with all its values, e.g. {@code remove("Content-Type")}. */
  public ResponseHeaders remove(String name) {
    remove.add(Checks.name(name, "response header name"));
    return this;
  }

  /** The rewrite's parameters: {@code header.<Name>} per header set, {@code remove} = the names, comma-separated. */
  Map<String, String> params() {
    if (set.isEmpty() && remove.isEmpty()) {
      throw new IllegalArgumentException("rewriteResponseHeaders changes nothing: set or remove a header");
    }
    Map<String, String> params = new LinkedHashMap<>(set);
    if (!remove.isEmpty()) {
      params.put(Action.Rewrite.REMOVE, String.join(",", remove));
    }
    return params;
  }
}
