package dev.chaosjunit.junit.internal.run;

import dev.chaosjunit.junit.internal.HttpStatuses;
import dev.chaosjunit.junit.internal.StatusReading;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Reads the HTTP status of a scenario's value: the test class's {@code @StatusOf} methods first, then the
 * built-in readers.
 */
final class StatusReader {

  private StatusReader() {}

  static StatusReading read(Object value, List<Method> readers, Object instance) {
    if (value == null) {
      return StatusReading.NONE;
    }
    for (Method reader : readers) {
      if (reader.getParameterTypes()[0].isInstance(value)) {
        return call(reader, value, instance);
      }
    }
    return HttpStatuses.read(value);
  }

  private static StatusReading call(Method reader, Object value, Object instance) {
    String source = "@StatusOf " + reader.getName() + "()";
    try {
      Object target = Modifier.isStatic(reader.getModifiers()) ? null : instance;
      return StatusReading.of((int) reader.invoke(target, value), source);
    } catch (InvocationTargetException e) {
      return StatusReading.unreadable(source, source + " threw " + e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(source + " is not accessible", e);
    }
  }
}
