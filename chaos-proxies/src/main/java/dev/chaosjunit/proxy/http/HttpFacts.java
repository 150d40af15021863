package dev.chaosjunit.proxy.http;

import dev.chaosjunit.proxy.rule.MessageFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The matchable facts of a request: {@code method}, {@code path} (the target without query, also for
 * absolute-form targets), {@code authority} (the {@code Host} header, as HTTP/2's {@code :authority}) and {@code header.<name>} per header field, the name in lower case (header
 * names are case-insensitive; {@link HttpInspector#factKey} lower-cases a rule's key the same way).
 */
final class HttpFacts {

  private HttpFacts() {}

  static MessageFacts of(HttpHead head) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("method", List.of(head.start()[0]));
    values.put("path", List.of(path(head.start()[1])));
    for (String[] header : head.headers()) {
      List<String> list = values.computeIfAbsent(HttpInspector.headerFact(header[0]), k -> new ArrayList<>());
      list.add(header[1]);
    }
    List<String> host = values.get(HttpInspector.headerFact("host"));
    if (host != null) {
      values.put("authority", host);
    }
    MessageFacts.Builder facts = MessageFacts.of(HttpInspector.NAME);
    values.forEach(facts::put);
    return facts.build();
  }

  /** The path of a request target: origin-form or absolute-form, without query or fragment. */
  static String path(String target) {
    String path = target;
    int scheme = target.indexOf("://");
    if (scheme > 0 && !target.startsWith("/")) {
      int slash = target.indexOf('/', scheme + 3);
      path = slash < 0 ? "/" : target.substring(slash);
    }
    int end = path.length();
    for (char stop : new char[] {'?', '#'}) {
      int at = path.indexOf(stop);
      end = at >= 0 ? Math.min(end, at) : end;
    }
    return path.substring(0, end);
  }
}
