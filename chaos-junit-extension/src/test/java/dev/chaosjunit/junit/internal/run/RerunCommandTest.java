package dev.chaosjunit.junit.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The re-run command: module by -pl from the root, Surefire or Failsafe, settings passed on, shell quoting. */
class RerunCommandTest {

  private static final String MODULES = "<project><modules><module>x</module></modules></project>";
  private static final String LEAF = "<project><artifactId>x</artifactId></project>";

  @TempDir Path tmp;

  @Test
  void inASingleModuleBuildNamesNoModule() throws IOException {
    Path project = pom(tmp.resolve("orders"), LEAF);

    assertThat(MavenModule.relativeToRoot(project)).isEmpty();
    assertThat(command(MavenModule.relativeToRoot(project), "com.acme.OrdersTest", Map.of()).line()).isEqualTo(
        "mvn test -Dtest='OrdersTest#resilience' -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dchaos.cell='createOrder × dbDown' -Dchaos.seed=42");
  }

  @Test
  void inAMultiModuleBuildNamesTheModuleRelativeToTheOutermostAggregator() throws IOException {
    pom(tmp.resolve("repo"), MODULES);
    pom(tmp.resolve("repo/services"), MODULES);
    Path module = pom(tmp.resolve("repo/services/orders"), LEAF);

    assertThat(MavenModule.relativeToRoot(module)).contains("services/orders");
    assertThat(command(MavenModule.relativeToRoot(module), "com.acme.OrdersTest", Map.of()).line()).startsWith(
        "mvn -pl services/orders test -Dtest='OrdersTest#resilience' ");
  }

  @Test
  void stopsAtTheFirstDirectoryWithoutAPomAndIgnoresCommentedOutModules() throws IOException {
    pom(tmp, MODULES);
    pom(tmp.resolve("work/repo"), "<project><!-- <modules><module>old</module></modules> --></project>");
    pom(tmp.resolve("work/repo/app"), MODULES.replace("<project>", "<project><parent/>"));
    Path module = pom(tmp.resolve("work/repo/app/orders"), LEAF);

    assertThat(MavenModule.relativeToRoot(module)).contains("orders");
    assertThat(MavenModule.relativeToRoot(tmp.resolve("work/repo"))).isEmpty();
    assertThat(MavenModule.relativeToRoot(tmp.resolve("no-pom-here"))).isEmpty();
  }

  @Test
  void runsAClassNamedLikeAnIntegrationTestThroughFailsafeAlone() {
    assertThat(command(Optional.of("app"), "com.acme.OrdersIT", Map.of()).line()).isEqualTo(
        "mvn -pl app verify -Dit.test='OrdersIT#resilience' -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dchaos.cell='createOrder × dbDown' -Dchaos.seed=42");
    assertThat(command(Optional.empty(), "com.acme.ITOrders$Nested", Map.of()).line())
        .startsWith("mvn verify -Dit.test='ITOrders$Nested#resilience' -Dtest=none ");
    assertThat(command(Optional.empty(), "com.acme.ITest", Map.of()).line()).startsWith("mvn test -Dtest=");
  }

  @Test
  void passesTheOtherChaosSettingsOnInNameOrder() {
    String line = command(Optional.of("samples"), "OrdersTest",
        Map.of("chaos.images", "local", "chaos.backend", "toxiproxy", "chaos.reports.dir", "target/my reports")).line();

    assertThat(line).endsWith("-Dchaos.seed=42 -Dchaos.backend=toxiproxy -Dchaos.images=local"
        + " -Dchaos.reports.dir='target/my reports'");
  }

  @Test
  void quotesEveryWordSoThatAPosixShellPassesItUnchanged() throws Exception {
    RerunCommand command = new RerunCommand(Optional.of("my app"), "com.acme.Orders$Nested", "run",
        "it's × a \"b\" $HOME `x` \\ *", -7, new TreeMap<>(Map.of("chaos.matrix.name", "{scenario} × {fault}")));

    assertThat(argumentsSeenByShell(command.line())).containsExactly("-pl", "my app", "test",
        "-Dtest=Orders$Nested#run", "-Dsurefire.failIfNoSpecifiedTests=false",
        "-Dchaos.cell=it's × a \"b\" $HOME `x` \\ *", "-Dchaos.seed=-7", "-Dchaos.matrix.name={scenario} × {fault}");
  }

  private static RerunCommand command(Optional<String> module, String testClass, Map<String, String> settings) {
    return new RerunCommand(module, testClass, "resilience", "createOrder × dbDown", 42, new TreeMap<>(settings));
  }

  private static Path pom(Path dir, String xml) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("pom.xml"), xml);
    return dir;
  }

  /** The words after {@code mvn}, as /bin/sh splits and unquotes them (the script is UTF-8, whatever the locale). */
  private List<String> argumentsSeenByShell(String line) throws Exception {
    assertThat(line).startsWith("mvn ");
    Path script = Files.writeString(tmp.resolve("words.sh"), "printf '%s\\0' " + line.substring(4) + "\n",
        StandardCharsets.UTF_8);
    Process shell = new ProcessBuilder("/bin/sh", script.toString()).directory(tmp.toFile())
        .redirectErrorStream(true).start();
    String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(shell.waitFor()).isZero();
    List<String> words = new ArrayList<>(List.of(out.split("\0", -1)));
    words.remove(words.size() - 1);
    return words;
  }
}
