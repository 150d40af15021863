package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.proxy.rule.MessageFacts;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a message's facts for events: {@code command=SET key=[user:1]}, at most 200 characters. The
 * keys the rule matched on come first, so that a message with many facts (a gRPC call's metadata) still
 * shows what made the rule fire; the others follow in key order. Credentials are redacted
 * ({@link Redaction}).
 */
final class FactsText {

  private static final int MAX = 200;

  private FactsText() {}

  static String of(MessageFacts facts, Set<String> matchedKeys) {
    Comparator<Map.Entry<String, List<String>>> order = Comparator
        .comparing((Map.Entry<String, List<String>> e) -> !matchedKeys.contains(e.getKey()))
        .thenComparing(Map.Entry::getKey);
    String text = facts.values().entrySet().stream().sorted(order)
        .map(e -> e.getKey() + "=" + text(e.getKey(), e.getValue()))
        .collect(Collectors.joining(" "));
    return text.length() <= MAX ? text : text.substring(0, MAX - 3) + "...";
  }

  private static String text(String key, List<String> values) {
    List<String> redacted = values.stream().map(v -> Redaction.value(key, v)).toList();
    return redacted.size() == 1 ? redacted.get(0) : redacted.toString();
  }
}
