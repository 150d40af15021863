package dev.chaosjunit.junit.internal.buggify;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Writes a ledger in the Antithesis SDK's local output format (JSONL, as with
 * {@code ANTITHESIS_SDK_LOCAL_OUTPUT}): an {@code antithesis_sdk} line, then per assertion its declaration
 * ({@code hit: false}) and one evaluation line ({@code hit: true}) for each condition value it was seen with,
 * carrying the details of the first such evaluation.
 */
@API(status = INTERNAL, since = "0.1")
public final class AntithesisJsonl {

  private AntithesisJsonl() {}

  /** Writes {@code ledger} to {@code file}, replacing it. */
  public static void write(Ledger ledger, Path file) {
    List<String> lines = new ArrayList<>();
    lines.add(json(Map.of("antithesis_sdk", ordered("language", ordered("name", "Java", "version",
        Runtime.version().toString()), "sdk_version", "chaos-junit", "protocol_version", "1.1"))));
    for (Tally tally : ledger.tallies()) {
      lines.add(line(tally.assertion(), false, false, Map.of()));
      if (tally.trueCount() > 0) {
        lines.add(line(tally.assertion(), true, true, tally.firstTrue()));
      }
      if (tally.falseCount() > 0) {
        lines.add(line(tally.assertion(), true, false, tally.firstFalse()));
      }
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the assertions file [" + file + "]", e);
    }
  }

  private static String line(CataloguedAssertion a, boolean hit, boolean condition, Map<String, Object> details) {
    return json(Map.of("antithesis_assert", ordered("hit", hit, "must_hit", a.type().mustHit(), "assert_type",
        a.type().assertType(), "display_type", a.type().displayType(), "message", a.message(), "condition",
        condition, "id", a.message(), "location", ordered("class", a.className(), "function", a.method(), "file",
        a.file(), "begin_line", a.line(), "begin_column", 0), "details", details)));
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static String json(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream().map(e -> quote(String.valueOf(e.getKey())) + ":" + json(e.getValue()))
          .collect(Collectors.joining(",", "{", "}"));
    }
    if (value instanceof Iterable<?> items) {
      List<String> parts = new ArrayList<>();
      items.forEach(item -> parts.add(json(item)));
      return String.join(",", parts).transform(s -> "[" + s + "]");
    }
    if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
      return number.toString();
    }
    return quote(String.valueOf(value));
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }
}
