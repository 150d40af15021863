package dev.chaosjunit.junit.internal.run;

import dev.chaosjunit.junit.internal.ChaosConfig;
import dev.chaosjunit.junit.internal.plan.CellInvocation;
import dev.chaosjunit.junit.internal.plan.MatrixPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Maven command that re-runs one cell with its seed, pasted at the root of the build: the module
 * by {@code -pl}, Surefire's {@code test} and {@code -Dtest} (or, for classes named like integration
 * tests, Failsafe's {@code verify} and {@code -Dit.test}, with Surefire's tests left out), the cell and
 * seed, and every other {@code chaos.*} setting of the run. Words are quoted for a POSIX shell.
 *
 * @param module the module directory relative to the root, empty in a single-module build
 * @param testClass the test class's binary name
 * @param method the template method
 * @param cell the cell's name, {@code scenario × fault}
 * @param seed the seed
 * @param settings the other {@code chaos.*} settings, by name
 */
record RerunCommand(Optional<String> module, String testClass, String method, String cell, long seed,
    SortedMap<String, String> settings) {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
  private static final Pattern SUREFIRE_NAME = Pattern.compile("Test.*|.*Test|.*Tests|.*TestCase");
  private static final Pattern FAILSAFE_NAME = Pattern.compile("IT.*|.*IT|.*ITCase");

  /**
   * The command for an invocation of a cell, from the working directory and configuration of this run;
   * an iteration of a matrix that runs each cell more than once re-runs alone, as the first under its seed.
   */
  static RerunCommand of(ExtensionContext context, MatrixPlan matrix, CellInvocation invocation) {
    SortedMap<String, String> settings = ChaosConfig.passedOn(context);
    if (invocation.iterations() > 1) {
      settings.put(ChaosConfig.ITERATIONS, "1");
    }
    return new RerunCommand(MavenModule.relativeToRoot(Path.of(System.getProperty("user.dir"))),
        matrix.testClass().getName(), matrix.methodName(), invocation.cell().name(), invocation.seed(), settings);
  }

  /** The command line. */
  String line() {
    List<String> words = new ArrayList<>(List.of("mvn"));
    module.ifPresent(dir -> words.addAll(List.of("-pl", quote(dir))));
    String selector = testClass.substring(testClass.lastIndexOf('.') + 1) + "#" + method;
    if (failsafe()) {
      words.addAll(List.of("verify", define("it.test", selector), define("test", "none")));
    } else {
      words.addAll(List.of("test", define("test", selector)));
    }
    words.add(define("surefire.failIfNoSpecifiedTests", "false"));
    words.add(define(ChaosConfig.CELL, cell));
    words.add(define(ChaosConfig.SEED, Long.toString(seed)));
    settings.forEach((key, value) -> words.add(define(key, value)));
    return String.join(" ", words);
  }

  /** Whether the top-level class is named as Failsafe includes it, and not as Surefire does. */
  private boolean failsafe() {
    String simple = testClass.substring(testClass.lastIndexOf('.') + 1);
    String topLevel = simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
    return FAILSAFE_NAME.matcher(topLevel).matches() && !SUREFIRE_NAME.matcher(topLevel).matches();
  }

  private static String define(String key, String value) {
    return "-D" + quote(key) + "=" + quote(value);
  }

  /** The word as it is when it needs no quoting, else in single quotes ({@code '} written {@code '\''}). */
  static String quote(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
