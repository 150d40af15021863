package dev.chaosjunit.proxy.rule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The one glob implementation every protocol uses for match keys.
 *
 * <ul>
 *   <li>{@code *} matches any run of characters within one segment (never the separator);</li>
 *   <li>{@code **} matches any run of characters, separators included (any depth);</li>
 *   <li>{@code ?} matches one character other than the separator;</li>
 *   <li>{@code \} escapes the next character; everything else matches itself.</li>
 * </ul>
 * Keys without segments (SQL text, Redis keys) use {@link #NO_SEPARATOR}: there {@code *} and
 * {@code **} mean the same. Protocol-specific wildcards (NATS {@code >}, AMQP {@code #}) are translated
 * by their inspectors into this syntax, or have a factory of their own here ({@link #amqpTopic},
 * {@link #natsSubject}). Matching is
 * case-sensitive unless compiled otherwise.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Glob {

  /** Separator value for keys that have no segments. */
  public static final char NO_SEPARATOR = '\0';

  private final String pattern;
  private final Pattern regex;
  /** The ASCII characters the glob starts with that match only themselves, checked before the regex. */
  private final String prefix;
  private final boolean ignoreCase;

  private Glob(String pattern, Pattern regex, String prefix, boolean ignoreCase) {
    this.pattern = pattern;
    this.regex = regex;
    this.prefix = prefix;
    this.ignoreCase = ignoreCase;
  }

  /** Compiles a glob whose segments are divided by {@code separator}. */
  public static Glob compile(String pattern, char separator, boolean ignoreCase) {
    int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    return new Glob(pattern, Pattern.compile(toRegex(pattern, separator), flags), literalPrefix(pattern), ignoreCase);
  }

  /**
   * Compiles an AMQP 0-9-1 topic pattern, as a topic exchange matches binding keys: words divided by
   * {@code .}, where the word {@code *} matches exactly one word, the word {@code #} zero or more words,
   * and every other word (also one containing {@code *} or {@code #}) only itself, case-sensitively.
   */
  public static Glob amqpTopic(String pattern) {
    return new Glob(pattern, Pattern.compile(TopicWords.toRegex(pattern), Pattern.DOTALL), "", false);
  }

  /**
   * Compiles a NATS subject pattern, as nats-server matches subscriptions: tokens divided by {@code .},
   * where the token {@code *} matches exactly one token, the last token {@code >} one or more tokens,
   * and every other token (also one containing {@code *} or {@code >}) only itself, case-sensitively.
   *
   * @throws IllegalArgumentException when {@code >} is not the last token or a token is empty
   */
  public static Glob natsSubject(String pattern) {
    return new Glob(pattern, Pattern.compile(SubjectTokens.toRegex(pattern), Pattern.DOTALL),
        SubjectTokens.literalPrefix(pattern), false);
  }

  /**
   * Compiles a case-sensitive glob without segments that matches the texts of {@code literalOnly} only
   * when the pattern is one of them, never through a wildcard (MongoDB's handshake commands, which a
   * {@code *} must leave alone).
   */
  public static Glob compileExceptWildcard(String pattern, Set<String> literalOnly) {
    if (literalOnly.contains(pattern)) {
      return compile(pattern);
    }
    String guard = literalOnly.stream().map(Pattern::quote).sorted().collect(Collectors.joining("|", "(?!(?:", ")$)"));
    return new Glob(pattern, Pattern.compile(guard + toRegex(pattern, NO_SEPARATOR), Pattern.DOTALL),
        literalPrefix(pattern), false);
  }

  /** Compiles a case-sensitive glob without segments. */
  public static Glob compile(String pattern) {
    return compile(pattern, NO_SEPARATOR, false);
  }

  /** Whether the whole of {@code text} matches. */
  public boolean matches(String text) {
    return mayMatch(text) && regex.matcher(text).matches();
  }

  /**
   * A cheap first test that rules out most texts without running the regex: the text starts with the
   * glob's literal ASCII prefix. A non-ASCII character of the text (which may equal an ASCII one when case
   * is ignored, e.g. the Kelvin sign) leaves the decision to the regex.
   */
  private boolean mayMatch(String text) {
    if (text.length() < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      char p = prefix.charAt(i);
      char t = text.charAt(i);
      if (t >= 0x80) {
        return true;
      }
      if (p != t && !(ignoreCase && asciiLower(p) == asciiLower(t))) {
        return false;
      }
    }
    return true;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** The literal characters before the first wildcard, up to the first non-ASCII one. */
  private static String literalPrefix(String glob) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '\\' && i + 1 < glob.length()) {
        c = glob.charAt(++i);
      } else if (c == '*' || c == '?') {
        break;
      }
      if (c >= 0x80) {
        break;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** The glob as written. */
  public String pattern() {
    return pattern;
  }

  @Override
  public String toString() {
    return pattern;
  }

  private static String toRegex(String glob, char separator) {
    String oneChar = separator == NO_SEPARATOR ? "." : "[^" + Pattern.quote(String.valueOf(separator)) + "]";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '\\' && i + 1 < glob.length()) {
        out.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
      } else if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        out.append(".*");
        i++;
      } else if (c == '*') {
        out.append(oneChar).append('*');
      } else if (c == '?') {
        out.append(oneChar);
      } else {
        out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return out.toString();
  }
}
