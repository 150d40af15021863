package dev.chaosjunit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docs that cannot drift. A code block in any Markdown file of the repository that follows an include
 * marker, {@code <!-- include: path/from/the/repository/root#tag -->} on the line just before its fence,
 * must equal the region of that file between {@code // tag::tag[]} and {@code // end::tag[]}, as
 * Asciidoctor's {@code include::file[tags=tag,indent=0]} would render it: a tag may open and close several
 * times (the regions are joined), lines holding any tag directive are left out, and the region's common
 * indentation is removed. Every {@code ```java} block must have a marker: Java in the docs is compiled
 * code, or it is not fenced as Java. No network; the files are read from the working tree.
 */
class MarkdownIncludesTest {

  private static final Pattern MARKER = Pattern.compile("^<!--\\s*include:\\s*(\\S+?)#([\\w.-]+)\\s*-->\\s*$");
  private static final Pattern FENCE = Pattern.compile("^(```+|~~~+)\\s*([\\w+-]*).*$");
  private static final Pattern DIRECTIVE = Pattern.compile("(tag|end)::([\\w.-]+)\\[\\]");
  private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules");

  @TestFactory
  Stream<DynamicTest> everyIncludedBlockEqualsItsSourceRegion() {
    Path root = repositoryRoot();
    return markdownFiles(root).stream().flatMap(file -> blocks(root, file).stream())
        .map(block -> DynamicTest.dynamicTest(block.describe(), () -> problem(root, block).ifPresent(Assertions::fail)));
  }

  /** One problem per block, or none: what differs, or which file or tag is missing. */
  static Optional<String> problem(Path root, Block block) {
    if (block.problem() != null) {
      return Optional.of(block.where() + ": " + block.problem());
    }
    Path source = root.resolve(block.source()).normalize();
    if (!source.startsWith(root) || !Files.isRegularFile(source)) {
      return Optional.of(block.where() + ": the include marker names [" + block.source()
          + "], which is no file of the repository; give its path from the repository root");
    }
    return compare(block, region(source, block.tag()));
  }

  private static Optional<String> compare(Block block, Region region) {
    if (region.problem() != null) {
      return Optional.of(block.where() + ": " + block.source() + " " + region.problem());
    }
    List<String> expected = region.lines();
    for (int i = 0; i < Math.max(expected.size(), block.lines().size()); i++) {
      String want = i < expected.size() ? expected.get(i) : "<end of region>";
      String have = i < block.lines().size() ? block.lines().get(i) : "<end of block>";
      if (!want.equals(have)) {
        return Optional.of(block.fileName() + ":" + (block.fenceLine() + 1 + i) + ": the block differs from "
            + block.source() + "#" + block.tag() + " at its line " + (i + 1) + ": the docs have [" + have
            + "] where the source has [" + want + "]; copy the tagged region into the block");
      }
    }
    return Optional.empty();
  }

  /** The lines between {@code tag::name[]} and {@code end::name[]}, joined, without directives or common indentation. */
  static Region region(Path source, String tag) {
    List<String> lines = read(source);
    Set<String> tags = new TreeSet<>();
    List<String> region = new ArrayList<>();
    int openedAt = -1;
    for (int i = 0; i < lines.size(); i++) {
      Matcher directive = DIRECTIVE.matcher(lines.get(i));
      if (directive.find()) {
        tags.add(directive.group(2));
        openedAt = !directive.group(2).equals(tag) ? openedAt : directive.group(1).equals("tag") ? i : -1;
      } else if (openedAt >= 0) {
        region.add(lines.get(i));
      }
    }
    if (!tags.contains(tag)) {
      return Region.failed("has no tag [" + tag + "] (its tags: " + tags + "); mark the region with // tag::" + tag
          + "[] and // end::" + tag + "[]");
    }
    return openedAt < 0 ? new Region(unindent(region), null) : Region.failed("opens tag [" + tag + "] at line "
        + (openedAt + 1) + " and never ends it: add // end::" + tag + "[]");
  }

  private static List<String> unindent(List<String> lines) {
    int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
        .min().orElse(0);
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
  }

  /** The fenced blocks of one Markdown file that carry a marker or are Java, and misplaced markers. */
  static List<Block> blocks(Path root, Path markdown) {
    String fileName = root.relativize(markdown).toString().replace('\\', '/');
    List<String> lines = read(markdown);
    List<Block> blocks = new ArrayList<>();
    Matcher pending = null;
    for (int i = 0; i < lines.size(); i++) {
      Matcher fence = FENCE.matcher(lines.get(i));
      if (fence.matches()) {
        int close = closingFence(lines, i, fence.group(1));
        List<String> body = lines.subList(i + 1, close < 0 ? lines.size() : close);
        Block.of(fileName, i + 1, pending, fence.group(2), body)
            .map(block -> close < 0 ? block.failing("the fence opened here is never closed") : block)
            .ifPresent(blocks::add);
        pending = null;
        i = close < 0 ? lines.size() : close;
        continue;
      }
      if (pending != null) {
        blocks.add(new Block(fileName, i, pending.group(1), pending.group(2), List.of(),
            "the include marker is not followed by a fence on the next line"));
      }
      Matcher marker = MARKER.matcher(lines.get(i));
      pending = marker.matches() ? marker : null;
    }
    return blocks;
  }

  private static int closingFence(List<String> lines, int open, String fence) {
    for (int i = open + 1; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(fence)) {
        return i;
      }
    }
    return -1;
  }

  /** Every {@code *.md} of the repository, outside build output and hidden directories. */
  static List<Path> markdownFiles(Path root) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.getFileName().toString();
          boolean skip = !dir.equals(root) && (name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name));
          return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (file.getFileName().toString().endsWith(".md")) {
            files.add(file);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(null);
    return files;
  }

  /** The reactor's root: the nearest directory up from here whose pom builds chaos-junit-extension. */
  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom) && String.join("\n", read(pom)).contains("<module>chaos-junit-extension</module>")) {
        return dir;
      }
    }
    throw new IllegalStateException("no reactor root above " + Path.of("").toAbsolutePath()
        + ": run this test from within the repository");
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A fenced block and what its marker names.
   *
   * @param fenceLine the 1-based line of the opening fence
   * @param source the marker's path, null without a marker
   * @param problem what is wrong with the block itself, null when nothing
   */
  record Block(String fileName, int fenceLine, String source, String tag, List<String> lines, String problem) {

    /** The block a marker names, a Java block without one (a problem), or none for other unmarked blocks. */
    static Optional<Block> of(String fileName, int fenceLine, Matcher marker, String language, List<String> lines) {
      if (marker != null) {
        return Optional.of(new Block(fileName, fenceLine, marker.group(1), marker.group(2), List.copyOf(lines), null));
      }
      return !language.equals("java") ? Optional.empty() : Optional.of(new Block(fileName, fenceLine, null, null,
          List.copyOf(lines), "a ```java block without an include marker; put <!-- include: path/from/the/repository/root#tag"
          + " --> on the line before the fence and tag the region in a compiled source, or fence it as another"
          + " language if it is not Java"));
    }

    Block failing(String why) {
      return new Block(fileName, fenceLine, source, tag, lines, why);
    }

    String where() {
      return fileName + ":" + fenceLine;
    }

    String describe() {
      return where() + (source == null ? "" : " = " + source.substring(source.lastIndexOf('/') + 1) + "#" + tag);
    }
  }

  /** A tagged region, or why there is none. */
  record Region(List<String> lines, String problem) {
    static Region failed(String problem) {
      return new Region(List.of(), problem);
    }
  }

  @Nested
  @DisplayName("fails when")
  class FailsWhen {

    @TempDir Path root;

    @Test
    void aLineDiffersNamingTheFileTheTagAndTheLine() throws IOException {
      source("  // tag::x[]\n  int a = 1;\n  int b = 2;\n  // end::x[]\n");
      markdown("intro\n<!-- include: src/A.java#x -->\n```java\nint a = 1;\nint b = 3;\n```\n");

      assertThat(problems()).containsExactly("README.md:5: the block differs from src/A.java#x at its line 2:"
          + " the docs have [int b = 3;] where the source has [int b = 2;]; copy the tagged region into the block");
    }

    @Test
    void theBlockIsShorterThanTheRegion() throws IOException {
      source("// tag::x[]\nint a = 1;\nint b = 2;\n// end::x[]\n");
      markdown("<!-- include: src/A.java#x -->\n```java\nint a = 1;\n```\n");

      assertThat(problems()).singleElement().asString().contains("the docs have [<end of block>] where the source has [int b = 2;]");
    }

    @Test
    void theMarkerNamesAMissingFile() throws IOException {
      markdown("<!-- include: src/Gone.java#x -->\n```java\n```\n");

      assertThat(problems()).singleElement().asString()
          .startsWith("README.md:2: the include marker names [src/Gone.java], which is no file of the repository");
    }

    @Test
    void theMarkerNamesAMissingTag() throws IOException {
      source("// tag::x[]\nint a;\n// end::x[]\n");
      markdown("<!-- include: src/A.java#y -->\n```java\nint a;\n```\n");

      assertThat(problems()).containsExactly("README.md:2: src/A.java has no tag [y] (its tags: [x]); mark the region"
          + " with // tag::y[] and // end::y[]");
    }

    @Test
    void aTagIsNeverClosed() throws IOException {
      source("// tag::x[]\nint a;\n");
      markdown("<!-- include: src/A.java#x -->\n```java\nint a;\n```\n");

      assertThat(problems()).singleElement().asString().contains("opens tag [x] at line 1 and never ends it");
    }

    @Test
    void aJavaBlockHasNoMarker() throws IOException {
      markdown("```java\nint a;\n```\n\n```text\nnot checked\n```\n");

      assertThat(problems()).singleElement().asString().startsWith("README.md:1: a ```java block without an include marker");
    }

    @Test
    void aMarkerIsNotFollowedByAFence() throws IOException {
      markdown("<!-- include: src/A.java#x -->\n\n```java\nint a;\n```\n");

      assertThat(problems()).contains("README.md:1: the include marker is not followed by a fence on the next line");
    }

    private List<String> problems() {
      return markdownFiles(root).stream().flatMap(f -> blocks(root, f).stream())
          .flatMap(b -> problem(root, b).stream()).toList();
    }

    void source(String text) throws IOException {
      Files.createDirectories(root.resolve("src"));
      Files.writeString(root.resolve("src/A.java"), text);
    }

    void markdown(String text) throws IOException {
      Files.writeString(root.resolve("README.md"), text);
    }
  }

  @Nested
  @DisplayName("accepts")
  class Accepts {

    @TempDir Path root;

    @Test
    void repeatedRegionsJoinedWithoutNestedDirectivesAndIndentation() throws IOException {
      Files.createDirectories(root.resolve("src"));
      Files.writeString(root.resolve("src/A.java"), "class A {\n  // tag::x[]\n  void a() {\n  // tag::y[]\n"
          + "    a();\n  // end::y[]\n  }\n  // end::x[]\n  void hidden() {}\n  // tag::x[]\n\n  void b() {}\n  // end::x[]\n}\n");
      Files.writeString(root.resolve("README.md"), "<!-- include: src/A.java#x -->\n```java\nvoid a() {\n  a();\n}\n\n"
          + "void b() {}\n```\n<!-- include: src/A.java#y -->\n```\na();\n```\n```bash\nnot java\n```\n");

      List<Block> blocks = blocks(root, root.resolve("README.md"));

      assertThat(blocks).extracting(Block::describe).containsExactly("README.md:2 = A.java#x", "README.md:10 = A.java#y");
      assertThat(blocks).allSatisfy(block -> assertThat(problem(root, block)).isEmpty());
    }
  }
}
