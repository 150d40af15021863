package dev.chaosjunit.junit.internal.plan;

import java.lang.reflect.Method;

/** JVM descriptors of method parameters (JVMS §4.3), to match reflection against class files. */
final class Descriptors {

  private Descriptors() {}

  /** {@code name(params)} as in the class file, e.g. {@code create(Ljava/lang/String;I)}. */
  static String key(Method method) {
    StringBuilder out = new StringBuilder(method.getName()).append('(');
    for (Class<?> type : method.getParameterTypes()) {
      out.append(descriptor(type));
    }
    return out.append(')').toString();
  }

  /** {@code name(params)} of a class file entry. */
  static String key(String name, String descriptor) {
    return name + descriptor.substring(0, descriptor.indexOf(')') + 1);
  }

  private static String descriptor(Class<?> type) {
    if (type.isArray()) {
      return type.getName().replace('.', '/');
    }
    if (!type.isPrimitive()) {
      return "L" + type.getName().replace('.', '/') + ";";
    }
    return switch (type.getName()) {
      case "boolean" -> "Z";
      case "byte" -> "B";
      case "char" -> "C";
      case "short" -> "S";
      case "int" -> "I";
      case "long" -> "J";
      case "float" -> "F";
      case "double" -> "D";
      default -> "V";
    };
  }
}
