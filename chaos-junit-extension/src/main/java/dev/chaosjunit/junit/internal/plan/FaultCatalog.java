package dev.chaosjunit.junit.internal.plan;

import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.internal.Misconfiguration;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the {@code @FaultAssumption}s of a class and its superclasses: per class its fields, then its
 * methods (each in declaration order), then the class annotations.
 */
final class FaultCatalog {

  private final Map<String, FaultDef> byName = new LinkedHashMap<>();

  private FaultCatalog() {}

  static List<FaultDef> scan(Class<?> testClass) {
    FaultCatalog catalog = new FaultCatalog();
    Hierarchy.of(testClass).forEach(catalog::scanType);
    return List.copyOf(catalog.byName.values());
  }

  private void scanType(Class<?> type) {
    for (Field field : type.getDeclaredFields()) {
      FaultAssumption assumption = field.getAnnotation(FaultAssumption.class);
      if (assumption != null) {
        add(define(field, assumption, field.getType(), () -> field.get(null)));
      }
    }
    for (Method method : DeclarationOrder.methods(type)) {
      FaultAssumption assumption = method.getAnnotation(FaultAssumption.class);
      if (assumption != null) {
        requireNoParameters(method);
        add(define(method, assumption, method.getReturnType(), () -> method.invoke(null)));
      }
    }
    for (FaultAssumption assumption : type.getAnnotationsByType(FaultAssumption.class)) {
      add(ClassFormFaults.define(type, assumption, byName));
    }
  }

  private FaultDef define(Member member, FaultAssumption assumption, Class<?> type, Reader reader) {
    String element = member.getDeclaringClass().getSimpleName() + "." + member.getName();
    if (!Modifier.isStatic(member.getModifiers()) || type != Fault.class) {
      throw Misconfiguration.of("FaultAssumption", element, "the member is not a static Fault",
          "declare a static field of type Fault or a static method returning Fault");
    }
    ((java.lang.reflect.AccessibleObject) member).setAccessible(true);
    Fault fault = read(reader, element);
    String name = assumption.name().isBlank() ? member.getName() : assumption.name();
    return new FaultDef(name, fault.named(name), element);
  }

  private static Fault read(Reader reader, String element) {
    try {
      Object value = reader.read();
      if (value == null) {
        throw Misconfiguration.of("FaultAssumption", element, "the fault is null",
            "build it with Fault.on(service)...");
      }
      return (Fault) value;
    } catch (ReflectiveOperationException e) {
      throw Misconfiguration.of("FaultAssumption", element, "the fault cannot be read: " + e.getCause(),
          "make the member return a Fault without throwing", e);
    }
  }

  private static void requireNoParameters(Method method) {
    if (method.getParameterCount() > 0) {
      throw Misconfiguration.of("FaultAssumption", method.getName() + "()", "the method declares parameters",
          "make it a static method without parameters returning Fault");
    }
  }

  private void add(FaultDef fault) {
    if (fault.name().equals(dev.chaosjunit.junit.FaultMatrix.NO_FAULT)) {
      throw Misconfiguration.of("FaultAssumption", fault.element(), "the name [" + fault.name()
          + "] is reserved for the baseline column", "choose another name");
    }
    FaultDef previous = byName.putIfAbsent(fault.name(), fault);
    if (previous != null) {
      throw Misconfiguration.of("FaultAssumption", fault.element(), "the name [" + fault.name()
          + "] is taken by [" + previous.element() + "]", "give each fault its own name");
    }
  }

  /** Reads a member's value. */
  @FunctionalInterface
  private interface Reader {
    Object read() throws ReflectiveOperationException;
  }
}
