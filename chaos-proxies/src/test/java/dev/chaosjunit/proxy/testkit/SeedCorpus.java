package dev.chaosjunit.proxy.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A fuzz test's seed inputs, built from real messages, and the files Jazzer reads them from: in
 * {@code src/test/resources/<package>/<TestClass>Inputs/<method>/}, where a regression run feeds each of them
 * (and the crashes a fuzzing run found, saved there too). {@link #check} keeps the files in step with the
 * code that builds the seeds; {@code chaos-proxies/fuzz seeds} writes them
 * ({@code -Dchaos.fuzz.writeSeeds=true}).
 */
public final class SeedCorpus {

  private SeedCorpus() {}

  /** Fails unless every seed is a file of the test's inputs directory with the seed's bytes. */
  public static void check(Class<?> test, String method, Map<String, byte[]> seeds) throws IOException {
    Path dir = inputs(test, method);
    if (Boolean.getBoolean("chaos.fuzz.writeSeeds")) {
      Files.createDirectories(dir);
      seeds.forEach((name, bytes) -> write(dir.resolve(name), bytes));
    }
    List<String> stale = new ArrayList<>();
    seeds.forEach((name, bytes) -> {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file) || !Arrays.equals(read(file), bytes)) {
        stale.add(name);
      }
    });
    assertThat(stale).as("seed inputs missing or stale in %s: run chaos-proxies/fuzz seeds", dir).isEmpty();
  }

  /** The directory Jazzer reads {@code test}'s inputs for {@code method} from (relative to the module). */
  static Path inputs(Class<?> test, String method) {
    return Path.of("src/test/resources", test.getPackageName().replace('.', '/'), test.getSimpleName() + "Inputs", method);
  }

  static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
