package dev.chaosjunit.junit.internal.plan;

import dev.chaosjunit.junit.StatusOf;
import dev.chaosjunit.junit.internal.Misconfiguration;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Finds the {@code @StatusOf} methods of a class, the test class's own first, and checks their shape. */
final class StatusOfCatalog {

  private StatusOfCatalog() {}

  static List<Method> scan(Class<?> testClass) {
    List<Method> readers = new ArrayList<>();
    List<Class<?>> types = new ArrayList<>(Hierarchy.of(testClass));
    Collections.reverse(types);
    for (Class<?> type : types) {
      for (Method method : DeclarationOrder.methods(type)) {
        if (method.isAnnotationPresent(StatusOf.class)) {
          readers.add(checked(method));
        }
      }
    }
    return List.copyOf(readers);
  }

  private static Method checked(Method method) {
    if (method.getReturnType() != int.class || method.getParameterCount() != 1) {
      throw Misconfiguration.of("StatusOf", method.getDeclaringClass().getSimpleName() + "." + method.getName()
          + "()", "a status reader takes one parameter and returns int",
          "declare it as int " + method.getName() + "(YourResponseType value)");
    }
    method.setAccessible(true);
    return method;
  }
}
