package dev.chaosjunit.junit.internal.buggify;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * Catalogues the {@code Assert} calls and {@code Buggify} sites of the classes in a package and its
 * sub-packages, from every class-path root that holds it (directories and jars), by reading their bytecode.
 * Bytecode rather than an annotation processor: it needs nothing in the application's build, sees compiled
 * code from any JVM language, and tells a constant message (a {@code ldc} of a string) from a computed one.
 */
@API(status = INTERNAL, since = "0.1")
public final class CatalogueScanner {

  private CatalogueScanner() {}

  /**
   * The catalogue of {@code packages} (each with its sub-packages) as {@code loader} sees them.
   *
   * @throws IllegalStateException naming the call when an assertion message or site name is not a constant
   */
  public static Catalogue scan(ClassLoader loader, Collection<String> packages) {
    Map<String, CataloguedAssertion> assertions = new LinkedHashMap<>();
    TreeSet<String> sites = new TreeSet<>();
    Set<String> roots = new TreeSet<>(packages);
    roots.removeIf(p -> roots.stream().anyMatch(other -> p.startsWith(other + ".")));
    for (String packageName : roots) {
      for (byte[] bytes : classFiles(loader, packageName)) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_FRAMES);
        CallSites.of(node).forEach(call -> call.addTo(assertions, sites));
      }
    }
    return new Catalogue((roots.size() == 1 ? "package " : "packages ") + String.join(", ", roots),
        new ArrayList<>(assertions.values()), sites);
  }

  private static List<byte[]> classFiles(ClassLoader loader, String packageName) {
    String path = packageName.replace('.', '/');
    List<byte[]> classes = new ArrayList<>();
    try {
      for (URL root : Collections.list(loader.getResources(path))) {
        if (root.getProtocol().equals("jar")) {
          readJar((JarURLConnection) root.openConnection(), path, classes);
        } else if (root.getProtocol().equals("file")) {
          readDirectory(Path.of(root.toURI()), classes);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the classes of package " + packageName, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot read the classes of package " + packageName, e);
    }
    return classes;
  }

  private static void readDirectory(Path directory, List<byte[]> classes) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        classes.add(Files.readAllBytes(file));
      }
    }
  }

  private static void readJar(JarURLConnection connection, String path, List<byte[]> classes) throws IOException {
    connection.setUseCaches(false);
    try (JarFile jar = connection.getJarFile()) {
      for (var entry : Collections.list(jar.entries())) {
        if (entry.getName().startsWith(path + "/") && entry.getName().endsWith(".class")) {
          try (InputStream in = jar.getInputStream(entry)) {
            classes.add(in.readAllBytes());
          }
        }
      }
    }
  }
}
