package dev.chaosjunit.proxy.rule;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.regex.Pattern;
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
 * by their inspectors into this syntax. Matching is case-sensitive unless compiled otherwise.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Glob {

  /** Separator value for keys that have no segments. */
  public static final char NO_SEPARATOR = '\0';

  private final String pattern;
  private final Pattern regex;

  private Glob(String pattern, Pattern regex) {
    this.pattern = pattern;
    this.regex = regex;
  }

  /** Compiles a glob whose segments are divided by {@code separator}. */
  public static Glob compile(String pattern, char separator, boolean ignoreCase) {
    int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    return new Glob(pattern, Pattern.compile(toRegex(pattern, separator), flags));
  }

  /** Compiles a case-sensitive glob without segments. */
  public static Glob compile(String pattern) {
    return compile(pattern, NO_SEPARATOR, false);
  }

  /** Whether the whole of {@code text} matches. */
  public boolean matches(String text) {
    return regex.matcher(text).matches();
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
