package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.rule.MessageFacts;
import io.netty.handler.codec.http2.Http2Headers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The match keys of one call, from its request headers: {@code method} (the {@code :path}, e.g.
 * {@code /pkg.Service/Method}, also without its leading slash, so {@code pkg.Service/*} matches too) and
 * {@code metadata.<key>} for each metadata entry (lower-case keys). The request of an h2c upgrade has the
 * same keys: its request target and its HTTP/1.1 header fields.
 */
final class CallFacts {

  static final String METHOD = "method";
  static final String METADATA_PREFIX = "metadata.";

  private CallFacts() {}

  static MessageFacts of(Http2Headers headers) {
    Map<String, List<String>> metadata = new LinkedHashMap<>();
    String path = "";
    for (Map.Entry<CharSequence, CharSequence> header : headers) {
      String name = header.getKey().toString();
      if (name.equals(":path")) {
        path = header.getValue().toString();
      } else if (!name.startsWith(":")) {
        metadata.computeIfAbsent(METADATA_PREFIX + name, k -> new ArrayList<>()).add(header.getValue().toString());
      }
    }
    return build(path, metadata);
  }

  /** The facts of an h2c upgrade's request: its target and its HTTP/1.1 header fields (names lower-cased). */
  static MessageFacts ofUpgrade(Http11Head request) {
    Map<String, List<String>> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : request.headers()) {
      metadata.computeIfAbsent(METADATA_PREFIX + header.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(header.getValue());
    }
    return build(request.target(), metadata);
  }

  private static MessageFacts build(String path, Map<String, List<String>> metadata) {
    MessageFacts.Builder facts = MessageFacts.of(GrpcInspector.NAME)
        .put(METHOD, path, path.startsWith("/") ? path.substring(1) : path);
    metadata.forEach(facts::put);
    return facts.build();
  }
}
