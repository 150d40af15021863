package dev.chaosjunit.proxy.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps credentials that pass through a proxy out of what it reports (events, and so logs, cell events
 * and reports). A fact whose name is a credential header or metadata entry ({@code authorization},
 * {@code cookie}, {@code x-api-key}, ...) keeps only its scheme ({@code Bearer [redacted]}); anywhere
 * else, JSON Web Tokens and SQL password literals ({@code PASSWORD '...'}, {@code IDENTIFIED BY '...'})
 * are replaced. Rules still match the real values: only the text written about them is redacted.
 */
final class Redaction {

  static final String REDACTED = "[redacted]";

  private static final Set<String> CREDENTIAL_NAMES = Set.of("authorization", "proxy-authorization", "cookie",
      "set-cookie", "x-api-key", "api-key", "x-auth-token", "x-amz-security-token", "password");
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9-]*) +\\S");
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
  private static final Pattern SQL_PASSWORD = Pattern.compile(
      "(?i)\\b(PASSWORD|IDENTIFIED\\s+BY)(\\s+)'(?:[^']|'')*'");

  private Redaction() {}

  /** The text to report for the value of fact {@code key} (e.g. {@code header.authorization}). */
  static String value(String key, String value) {
    String name = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    if (CREDENTIAL_NAMES.contains(name)) {
      var scheme = SCHEME.matcher(value);
      return scheme.find() ? scheme.group(1) + " " + REDACTED : REDACTED;
    }
    String text = JWT.matcher(value).replaceAll(REDACTED);
    return SQL_PASSWORD.matcher(text).replaceAll("$1$2'" + REDACTED + "'");
  }
}
