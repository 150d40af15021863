package dev.chaosjunit.junit.internal.buggify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.buggify.AssertType;
import dev.chaosjunit.junit.buggify.app.Inventory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue read from bytecode: every call, its kind, message and line, from directories and jars. */
class CatalogueScannerTest {

  private static final String APP = "dev.chaosjunit.junit.buggify.app";

  @Test
  void cataloguesEveryAssertionAndSiteOfAPackageDirectory() {
    Catalogue catalogue = CatalogueScanner.scan(Inventory.class.getClassLoader(), List.of(APP));

    assertThat(catalogue.scope()).isEqualTo("package " + APP);
    assertThat(catalogue.sites()).containsExactly("inventory.reserve", "inventory.scan");
    assertThat(catalogue.assertions()).containsExactly(
        new CataloguedAssertion(AssertType.REACHABLE, "a reservation was buggified", APP + ".Inventory", "reserve",
            "Inventory.java", 19),
        new CataloguedAssertion(AssertType.ALWAYS, "a reservation is positive", APP + ".Inventory", "reserve",
            "Inventory.java", 22),
        new CataloguedAssertion(AssertType.SOMETIMES, "a big reservation happened", APP + ".Inventory", "reserve",
            "Inventory.java", 23));
  }

  @Test
  void readsJarsToo(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("app.jar");
    String entry = APP.replace('.', '/') + "/Inventory.class";
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out);
        InputStream in = Inventory.class.getClassLoader().getResourceAsStream(entry)) {
      jarOut.putNextEntry(new JarEntry(APP.replace('.', '/') + "/"));
      jarOut.putNextEntry(new JarEntry(entry));
      jarOut.write(in.readAllBytes());
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Catalogue catalogue = CatalogueScanner.scan(loader, List.of(APP));

      assertThat(catalogue.sites()).containsExactly("inventory.reserve", "inventory.scan");
      assertThat(catalogue.assertions()).hasSize(3);
    }
  }

  @Test
  void aPackageWithoutCallsHasAnEmptyCatalogue() {
    Catalogue catalogue = CatalogueScanner.scan(getClass().getClassLoader(), List.of("dev.chaosjunit.junit.support"));

    assertThat(catalogue.assertions()).isEmpty();
    assertThat(catalogue.sites()).isEmpty();
  }
}
