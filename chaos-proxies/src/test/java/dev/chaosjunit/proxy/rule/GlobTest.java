package dev.chaosjunit.proxy.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

  @ParameterizedTest(name = "[{0}] on [{1}] ignoring case: {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      DELETE FROM nothing*   | DELETE FROM NOTHING_AT_ALL | true
      DELETE FROM nothing*   | delete from nothing        | true
      DELETE FROM nothing*   | SELECT 1                   | false
      DELETE FROM nothing*   | DELETE FROM NOT            | false
      sele?t*                | SELECT 1                   | true
      \\*x*                  | *X1                        | true
      \\*x*                  | ax                         | false
      ~~                     | ~~                         | true
      ~~                     | a                          | false
      s*                     | \u017Fet                   | true
      k                      | \u212A                     | true
      i                      | \u0131                     | true
      café*                  | CAFÉ AU LAIT               | true
      trailing\\             | TRAILING\\                 | true
      """)
  void matchesIgnoringCase(String pattern, String text, boolean expected) {
    assertThat(Glob.compile(pattern, Glob.NO_SEPARATOR, true).matches(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}] on [{1}] case-sensitive: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      user:*   | user:1  | true
      user:*   | USER:1  | false
      user:*   | user:   | true
      user:*   | use     | false
      """)
  void matchesCaseSensitive(String pattern, String text, boolean expected) {
    assertThat(Glob.compile(pattern).matches(text)).isEqualTo(expected);
  }

  @Test
  void starStopsAtTheSeparator() {
    Glob glob = Glob.compile("orders.*", '.', false);
    assertThat(glob.matches("orders.eu")).isTrue();
    assertThat(glob.matches("orders.eu.west")).isFalse();
    assertThat(Glob.compile("orders.**", '.', false).matches("orders.eu.west")).isTrue();
  }

  /** The literal-prefix shortcut agrees with the plain regex, also for characters whose case folds across ASCII. */
  @Test
  void agreesWithTheRegexOnRandomTexts() {
    char[] alphabet = {'a', 'A', 'k', 'K', 's', 'S', 'i', 'I', '\u212A', '\u017F', '\u0131', '\u0130', 'é', 'É', ' '};
    SplittableRandom random = new SplittableRandom(42);
    for (int n = 0; n < 5_000; n++) {
      String literal = randomText(random, alphabet, 1 + random.nextInt(4));
      boolean star = random.nextBoolean();
      boolean ignoreCase = random.nextBoolean();
      String text = randomText(random, alphabet, random.nextInt(6));
      Pattern reference = Pattern.compile(Pattern.quote(literal) + (star ? ".*" : ""),
          Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
      assertThat(Glob.compile(literal + (star ? "*" : ""), Glob.NO_SEPARATOR, ignoreCase).matches(text))
          .as("glob [%s%s] ignoring case %s on [%s] (seed 42, case %d)", literal, star ? "*" : "", ignoreCase, text, n)
          .isEqualTo(reference.matcher(text).matches());
    }
  }

  private static String randomText(SplittableRandom random, char[] alphabet, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return out.toString();
  }
}
