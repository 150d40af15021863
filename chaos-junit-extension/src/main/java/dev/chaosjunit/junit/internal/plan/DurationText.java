package dev.chaosjunit.junit.internal.plan;

import dev.chaosjunit.junit.internal.Misconfiguration;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written in annotations: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h} or ISO-8601. */
final class DurationText {

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  private DurationText() {}

  /** Empty for blank text. */
  static Optional<Duration> parse(String text, String annotation, String element, String attribute) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Matcher m = SHORT.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      return Optional.of(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      });
    }
    try {
      return Optional.of(Duration.parse(text.trim()));
    } catch (DateTimeParseException e) {
      throw Misconfiguration.of(annotation, element, attribute + " [" + text + "] is not a duration",
          "write it as 500ms, 5s, 2m, 1h or ISO-8601 like PT5S", e);
    }
  }
}
