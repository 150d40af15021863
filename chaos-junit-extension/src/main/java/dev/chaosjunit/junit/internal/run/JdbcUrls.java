package dev.chaosjunit.junit.internal.run;

import java.lang.reflect.Method;
import java.util.Optional;

/** Reads a JDBC database container's own URL, without depending on Testcontainers' JDBC module. */
final class JdbcUrls {

  private JdbcUrls() {}

  static Optional<String> of(Object container) {
    Method method = accessor(container.getClass());
    if (method == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable((String) method.invoke(container));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read the JDBC URL of [" + container + "]", e);
    }
  }

  private static Method accessor(Class<?> type) {
    for (Method method : type.getMethods()) {
      if (method.getName().equals("getJdbcUrl") && method.getParameterCount() == 0
          && method.getReturnType() == String.class) {
        return method;
      }
    }
    return null;
  }
}
