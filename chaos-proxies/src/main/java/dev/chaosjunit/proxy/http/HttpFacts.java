package dev.chaosjunit.proxy.http;

import dev.chaosjunit.proxy.rule.MessageFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The matchable facts of a request: {@code method}, {@code path} (the target without query, also for
 * absolute-form targets) and {@code header.<Name>} per header field. Header names are case-insensitive,
 * so each field is listed under its name as sent, in lower case and in canonical case
 * ({@code Retry-After}): a rule key written in any of these spellings matches.
 */
final class HttpFacts {

  private HttpFacts() {}

  static MessageFacts of(HttpHead head) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("method", List.of(head.start()[0]));
    values.put("path", List.of(path(head.start()[1])));
    for (String[] header : head.headers()) {
      for (String name : spellings(header[0])) {
        List<String> list = values.computeIfAbsent("header." + name, k -> new ArrayList<>());
        if (!list.contains(header[1])) {
          list.add(header[1]);
        }
      }
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

  private static List<String> spellings(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return List.of(name, lower, canonical(lower)).stream().distinct().toList();
  }

  private static String canonical(String lower) {
    StringBuilder out = new StringBuilder(lower.length());
    boolean upper = true;
    for (char c : lower.toCharArray()) {
      out.append(upper ? Character.toUpperCase(c) : c);
      upper = c == '-';
    }
    return out.toString();
  }
}
