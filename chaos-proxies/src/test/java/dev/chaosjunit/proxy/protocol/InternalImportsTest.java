package dev.chaosjunit.proxy.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the engine's internals internal: only the engine itself ({@code dev.chaosjunit.proxy.internal}) and
 * the root package (for {@code ProxyEngine}'s factory) import {@code dev.chaosjunit.proxy.internal}; the
 * protocol packages build on the SPI ({@code dev.chaosjunit.proxy.protocol}) alone.
 */
class InternalImportsTest {

  private static final Path SOURCES = Path.of("src/main/java/dev/chaosjunit/proxy");

  @Test
  void noPackageButTheEngineAndTheRootImportsInternal() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      List<String> offenders = files.filter(file -> file.toString().endsWith(".java"))
          .filter(file -> !file.getParent().equals(SOURCES) && !file.startsWith(SOURCES.resolve("internal")))
          .filter(InternalImportsTest::importsInternal)
          .map(file -> SOURCES.relativize(file).toString())
          .toList();
      assertThat(offenders).as("classes outside dev.chaosjunit.proxy(.internal) that import its internals").isEmpty();
    }
  }

  @Test
  void theScanSeesTheSources() throws IOException {
    assertThat(importsInternal(SOURCES.resolve("ProxyEngine.java"))).isTrue();
  }

  private static boolean importsInternal(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .anyMatch(line -> line.matches("import (static )?dev\\.chaosjunit\\.proxy\\.internal\\..*"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
