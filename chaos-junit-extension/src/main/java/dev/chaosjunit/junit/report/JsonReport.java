package dev.chaosjunit.junit.report;

import dev.chaosjunit.proxy.internal.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Writes one matrix per JSON file, and reads every matrix of a directory back for the HTML page. */
final class JsonReport {

  private JsonReport() {}

  static void write(MatrixData matrix, Path file) {
    try {
      Files.createDirectories(file.getParent());
      JsonFiles.write(matrix, file);
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
    try (Stream<Path> files = Files.list(directory)) {
      List<MatrixData> matrices = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        matrices.add(JsonFiles.read(file, MatrixData.class));
      }
      return matrices;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the chaos reports in [" + directory + "]", e);
    }
  }
}
