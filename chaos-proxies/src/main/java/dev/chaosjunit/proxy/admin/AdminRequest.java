package dev.chaosjunit.proxy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One admin request as the endpoints see it.
 *
 * @param method the HTTP method, upper case
 * @param segments the decoded path segments, e.g. {@code [proxies, redis, toxics]}
 * @param body the raw body, whatever its Content-Type (Toxiproxy ignores it; so do we)
 */
record AdminRequest(String method, List<String> segments, byte[] body) {

  AdminRequest {
    segments = List.copyOf(segments);
  }

  /** The path segment at an index, e.g. the proxy name at 1. */
  String segment(int index) {
    return segments.get(index);
  }

  /** The body parsed as JSON, or a 400 that says why it is not JSON. */
  JsonNode json() {
    return Json.parse(body);
  }
}
