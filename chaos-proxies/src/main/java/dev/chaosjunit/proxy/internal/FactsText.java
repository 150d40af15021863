package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.proxy.rule.MessageFacts;
import java.util.stream.Collectors;

/** Renders a message's facts for events: {@code command=SET key=[user:1]}, at most 200 characters. */
final class FactsText {

  private static final int MAX = 200;

  private FactsText() {}

  static String of(MessageFacts facts) {
    String text = facts.values().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + (e.getValue().size() == 1 ? e.getValue().get(0) : e.getValue()))
        .collect(Collectors.joining(" "));
    return text.length() <= MAX ? text : text.substring(0, MAX - 3) + "...";
  }
}
