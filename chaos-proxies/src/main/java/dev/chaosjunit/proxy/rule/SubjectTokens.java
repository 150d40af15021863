package dev.chaosjunit.proxy.rule;

import java.util.regex.Pattern;

/** Translates a NATS subject pattern ({@code *} one token, a last {@code >} one or more) into a regex. */
final class SubjectTokens {

  private static final String TOKEN = "[^.]+";

  private SubjectTokens() {}

  static String toRegex(String pattern) {
    String[] tokens = pattern.split("\\.", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i];
      if (token.isEmpty()) {
        throw new IllegalArgumentException("NATS subject pattern [" + pattern + "] has an empty token:"
            + " tokens are divided by single dots, e.g. orders.*.created");
      }
      if (token.equals(">") && i < tokens.length - 1) {
        throw new IllegalArgumentException("NATS subject pattern [" + pattern + "] has [>] before its last token:"
            + " [>] matches the rest of a subject, so it can only end a pattern, e.g. orders.>");
      }
      out.append(i > 0 ? "\\." : "");
      switch (token) {
        case "*" -> out.append(TOKEN);
        case ">" -> out.append(TOKEN).append("(?:\\.").append(TOKEN).append(")*");
        default -> out.append(Pattern.quote(token));
      }
    }
    return out.toString();
  }

  /** The ASCII characters every matching subject starts with: the literal tokens before the first wildcard. */
  static String literalPrefix(String pattern) {
    StringBuilder out = new StringBuilder();
    for (String token : pattern.split("\\.", -1)) {
      if (token.equals("*") || token.equals(">")) {
        break;
      }
      out.append(token).append('.');
    }
    String prefix = out.length() > pattern.length() ? pattern : out.toString();
    int ascii = 0;
    while (ascii < prefix.length() && prefix.charAt(ascii) < 0x80) {
      ascii++;
    }
    return prefix.substring(0, ascii);
  }
}
