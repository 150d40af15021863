package dev.chaosjunit.junit.internal.plan;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Declared methods in source order. Reflection returns methods in an unspecified order, but javac
 * writes them to the class file in declaration order, so this reads the method table of the class file.
 */
final class DeclarationOrder {

  private DeclarationOrder() {}

  /** The class's declared methods, in declaration order. */
  static List<Method> methods(Class<?> type) {
    List<String> order = methodOrder(type);
    Map<String, Method> byKey = Arrays.stream(type.getDeclaredMethods())
        .collect(Collectors.toMap(DeclarationOrder::key, Function.identity(), (a, b) -> a));
    List<Method> sorted = new ArrayList<>(byKey.values());
    sorted.sort(Comparator.comparingInt((Method m) -> indexOf(order, key(m))).thenComparing(DeclarationOrder::key));
    return sorted;
  }

  private static int indexOf(List<String> order, String key) {
    int index = order.indexOf(key);
    return index < 0 ? Integer.MAX_VALUE : index;
  }

  private static String key(Method method) {
    return Descriptors.key(method);
  }

  private static List<String> methodOrder(Class<?> type) {
    String resource = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
    try (InputStream in = type.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("cannot read the class file of [" + type.getName()
            + "] to find the declaration order of its methods");
      }
      return ClassFileMethods.read(new DataInputStream(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the class file of [" + type.getName() + "]", e);
    }
  }
}
