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
 * shows what made the rule fire; the others follow in key order.
 */
final class FactsText {

  private static final int MAX = 200;

  private FactsText() {}

  static String of(MessageFacts facts, Set<String> matchedKeys) {
    Comparator<Map.Entry<String, List<String>>> order = Comparator
        .comparing((Map.Entry<String, List<String>> e) -> !matchedKeys.contains(e.getKey()))
        .thenComparing(Map.Entry::getKey);
    String text = facts.values().entrySet().stream().sorted(order)
        .map(e -> e.getKey() + "=" + (e.getValue().size() == 1 ? e.getValue().get(0) : e.getValue()))
        .collect(Collectors.joining(" "));
    return text.length() <= MAX ? text : text.substring(0, MAX - 3) + "...";
  }
}
