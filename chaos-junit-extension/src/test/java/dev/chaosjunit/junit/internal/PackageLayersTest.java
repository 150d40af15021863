package dev.chaosjunit.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The extension's packages depend on each other in one direction: {@code internal} (configuration and
 * errors) below {@code buggify} (the catalogue and the runtime of buggify and assertions), below {@code plan}
 * (discovery), below {@code backend} and {@code report}, below {@code run}.
 * Read from the main sources, so a violation names the file and the reference.
 */
class PackageLayersTest {

  private static final Path SOURCES = Path.of("src/main/java/dev/chaosjunit/junit");
  private static final Pattern REFERENCE =
      Pattern.compile("dev\\.chaosjunit\\.junit\\.(internal(?:\\.\\w+)?|report)\\.[A-Z]");
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "internal", Set.of(),
      "internal.buggify", Set.of("internal"),
      "internal.plan", Set.of("internal", "internal.buggify"),
      "internal.backend", Set.of("internal", "internal.plan"),
      "report", Set.of("internal", "internal.buggify", "internal.plan"),
      "internal.run", Set.of("internal", "internal.buggify", "internal.plan", "internal.backend", "report"));

  @Test
  void eachPackageReferencesOnlyThePackagesBelowIt() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, Set<String>> layer : ALLOWED.entrySet()) {
      for (Path file : sources(layer.getKey())) {
        Matcher reference = REFERENCE.matcher(withoutPackageLine(Files.readString(file)));
        while (reference.find()) {
          if (!reference.group(1).equals(layer.getKey()) && !layer.getValue().contains(reference.group(1))) {
            violations.add(layer.getKey() + "/" + file.getFileName() + " -> " + reference.group(1));
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void readsEveryLayer() throws IOException {
    for (String layer : ALLOWED.keySet()) {
      assertThat(sources(layer)).as(layer).isNotEmpty();
    }
  }

  private static List<Path> sources(String layer) throws IOException {
    try (Stream<Path> files = Files.list(SOURCES.resolve(layer.replace('.', '/')))) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    }
  }

  private static String withoutPackageLine(String source) {
    return source.replaceFirst("(?m)^package .*$", "");
  }
}
