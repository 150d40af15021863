package dev.chaosjunit.proxy.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Translates an AMQP topic pattern ({@code *} one word, {@code #} zero or more words) into a regex. */
final class TopicWords {

  private static final String WORD = "[^.]*";

  private TopicWords() {}

  static String toRegex(String pattern) {
    List<String> words = collapseHashes(pattern.split("\\.", -1));
    if (words.size() == 1 && words.get(0).equals("#")) {
      return ".*";
    }
    StringBuilder out = new StringBuilder();
    boolean needSeparator = false;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (!word.equals("#")) {
        out.append(needSeparator ? "\\." : "").append(word.equals("*") ? WORD : Pattern.quote(word));
        needSeparator = true;
      } else if (i == words.size() - 1) {
        out.append("(?:\\..*)?");
      } else {
        out.append(needSeparator ? "\\." : "").append("(?:.*\\.)?");
        needSeparator = false;
      }
    }
    return out.toString();
  }

  /** {@code #.#} means what {@code #} means. */
  private static List<String> collapseHashes(String[] words) {
    List<String> out = new ArrayList<>();
    for (String word : words) {
      if (!(word.equals("#") && !out.isEmpty() && out.get(out.size() - 1).equals("#"))) {
        out.add(word);
      }
    }
    return out;
  }
}
