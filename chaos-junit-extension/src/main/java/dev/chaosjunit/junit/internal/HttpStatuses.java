package dev.chaosjunit.junit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Reads the HTTP status of a scenario's value without compile-time dependencies on HTTP clients: the
 * known response types are recognised by class name and read through their public accessors; a
 * status object (Spring's {@code HttpStatusCode}) is read through its {@code int value()}. Any other
 * value with a public {@code statusCode()} or {@code getStatusCode()} is read the same way, and when
 * that accessor returns something unreadable the value is reported as not understood, never as a
 * plain return.
 */
@API(status = INTERNAL, since = "0.1")
public final class HttpStatuses {

  /** Type name to its status accessor: the types whose status the judge understands out of the box. */
  private static final Map<String, String> KNOWN = Map.of(
      "java.net.http.HttpResponse", "statusCode",
      "org.springframework.http.ResponseEntity", "getStatusCode",
      "org.springframework.http.HttpStatusCode", "value",
      "org.springframework.test.web.reactive.server.ExchangeResult", "getStatus",
      "org.springframework.web.reactive.function.client.ClientResponse", "statusCode",
      "org.springframework.http.client.ClientHttpResponse", "getStatusCode",
      "okhttp3.Response", "code",
      "jakarta.ws.rs.core.Response", "getStatus",
      "io.restassured.response.ResponseOptions", "statusCode",
      "org.apache.hc.core5.http.HttpResponse", "getCode");
  private static final Set<String> GENERIC = Set.of("statusCode", "getStatusCode");

  private HttpStatuses() {}

  /** Reads the status of {@code value} with the built-in readers. */
  public static StatusReading read(Object value) {
    if (value == null) {
      return StatusReading.NONE;
    }
    for (Class<?> type : supertypes(value.getClass())) {
      String accessor = KNOWN.get(type.getName());
      if (accessor != null) {
        return through(value, type, accessor);
      }
    }
    for (Method method : value.getClass().getMethods()) {
      if (GENERIC.contains(method.getName()) && method.getParameterCount() == 0) {
        return through(value, method.getDeclaringClass(), method.getName());
      }
    }
    return StatusReading.NONE;
  }

  private static StatusReading through(Object value, Class<?> type, String accessor) {
    String source = type.getSimpleName() + "." + accessor + "()";
    Object result;
    try {
      Method method = type.getMethod(accessor);
      method.trySetAccessible();
      result = method.invoke(value);
    } catch (InvocationTargetException e) {
      return StatusReading.unreadable(source, source + " threw " + e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      return StatusReading.unreadable(source, source + " cannot be called: " + e);
    }
    if (result instanceof Integer status) {
      return StatusReading.of(status, source);
    }
    StatusReading inner = result == null || result == value ? StatusReading.NONE : read(result);
    if (inner.status().isPresent()) {
      return StatusReading.of(inner.status().getAsInt(), source);
    }
    return StatusReading.unreadable(source, source + " returned ["
        + (result == null ? "null" : result.getClass().getName()) + "], which is no HTTP status the judge can read");
  }

  /** The class, its superclasses and every interface they implement, nearest first. */
  private static Set<Class<?>> supertypes(Class<?> type) {
    Set<Class<?>> seen = new LinkedHashSet<>();
    Deque<Class<?>> queue = new ArrayDeque<>();
    queue.add(type);
    while (!queue.isEmpty()) {
      Class<?> next = queue.poll();
      if (seen.add(next)) {
        if (next.getSuperclass() != null) {
          queue.add(next.getSuperclass());
        }
        queue.addAll(List.of(next.getInterfaces()));
      }
    }
    return seen;
  }
}
