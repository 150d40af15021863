package dev.chaosjunit.junit.report;

import dev.chaosjunit.proxy.internal.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes one matrix per JSON file, and one soak per JSON file in {@value #SOAKS}, and reads them back for the
 * HTML page.
 */
final class JsonReport {

  /** The subdirectory of the soaks' files, apart from the matrices' files that tools read. */
  static final String SOAKS = "soaks";

  private JsonReport() {}

  static void write(Object report, Path file) {
    try {
      Files.createDirectories(file.getParent());
      JsonFiles.write(report, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the chaos report [" + file + "]", e);
    }
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the outdated chaos report [" + file + "]", e);
    }
  }

  static List<MatrixData> readAll(Path directory) {
    return read(directory, MatrixData.class);
  }

  static List<SoakRecord> readSoaks(Path directory) {
    return Files.isDirectory(directory.resolve(SOAKS)) ? read(directory.resolve(SOAKS), SoakRecord.class) : List.of();
  }

  private static <T> List<T> read(Path directory, Class<T> type) {
    try (Stream<Path> files = Files.list(directory)) {
      List<T> reports = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        reports.add(JsonFiles.read(file, type));
      }
      return reports;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the chaos reports in [" + directory + "]", e);
    }
  }
}
