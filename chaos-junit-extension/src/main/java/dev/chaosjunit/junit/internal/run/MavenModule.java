package dev.chaosjunit.junit.internal.run;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a test runs in its Maven build: the module directory relative to the reactor root, the
 * outermost directory above it whose {@code pom.xml} lists modules (every directory on the way has a
 * {@code pom.xml}). Surefire and Failsafe run tests in the module's directory.
 */
final class MavenModule {

  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

  private MavenModule() {}

  /** The module directory relative to the root, for {@code -pl}; empty in a single-module build or outside Maven. */
  static Optional<String> relativeToRoot(Path workingDirectory) {
    Path module = workingDirectory.toAbsolutePath().normalize();
    Path root = null;
    for (Path dir = module; dir != null && Files.isRegularFile(dir.resolve("pom.xml")); dir = dir.getParent()) {
      if (listsModules(dir.resolve("pom.xml"))) {
        root = dir;
      }
    }
    if (root == null || root.equals(module)) {
      return Optional.empty();
    }
    return Optional.of(root.relativize(module).toString().replace(File.separatorChar, '/'));
  }

  private static boolean listsModules(Path pom) {
    try {
      String xml = COMMENT.matcher(Files.readString(pom)).replaceAll("");
      return xml.contains("<modules>") || xml.contains("<subprojects>");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read [" + pom + "] to find the module of the re-run command", e);
    }
  }
}
