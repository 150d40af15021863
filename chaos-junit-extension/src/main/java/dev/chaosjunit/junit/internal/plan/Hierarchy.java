package dev.chaosjunit.junit.internal.plan;

import java.util.ArrayList;
import java.util.List;

/** A class and its superclasses, the topmost first. */
final class Hierarchy {

  private Hierarchy() {}

  static List<Class<?>> of(Class<?> testClass) {
    List<Class<?>> types = new ArrayList<>();
    for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
      types.add(0, type);
    }
    return types;
  }
}
