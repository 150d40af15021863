package dev.chaosjunit.spring;

import dev.chaosjunit.junit.ProxyEndpoint;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.util.ClassUtils;

/**
 * Rewrites the addresses connection details return, whatever their Spring Boot generation: the same
 * details, answering every getter as the original does, except that each address naming a chaos proxy's
 * upstream names the proxy instead.
 *
 * <p>Details are read through their interfaces only (Spring Boot 3.x keeps them in
 * {@code org.springframework.boot.autoconfigure.*}, 4.x in per-technology modules), so one jar serves both.
 * An address is recognised by the shape of the value a getter returns, not by the getter's name:
 * <ul>
 *   <li>a {@code String}, a {@link URI} or a MongoDB {@code ConnectionString} whose text contains
 *       {@code host:port} (JDBC URLs, Kafka bootstrap servers, connection strings);</li>
 *   <li>a record with {@code host} (or {@code hostname}) and {@code port} components (RabbitMQ's
 *       {@code Address});</li>
 *   <li>a Spring Boot interface with {@code getHost()} and {@code getPort()} (Redis's {@code Standalone});</li>
 *   <li>lists of those, and Spring Boot interfaces whose getters return those (Kafka's per-client
 *       {@code Configuration}).</li>
 * </ul>
 * Details of topologies that redirect clients on their own (Redis Sentinel and Cluster) stay as they are:
 * their nodes hand out addresses the proxy does not see.
 */
final class AddressRewriting {

  private static final Set<String> SELF_REDIRECTING = Set.of("getSentinel", "getCluster", "getMasterReplica");
  private static final String MONGO_CONNECTION_STRING = "com.mongodb.ConnectionString";

  private final Upstreams upstreams;

  AddressRewriting(Upstreams upstreams) {
    this.upstreams = upstreams;
  }

  /**
   * {@code details} pointing at the proxies, or {@code details} itself when it names no upstream.
   *
   * @param details a bean of one or more {@code detailsType} interfaces
   */
  Object proxied(Object details, Class<?> detailsType) {
    Class<?>[] interfaces = ClassUtils.getAllInterfacesForClassAsSet(details.getClass()).stream()
        .filter(detailsType::isAssignableFrom).toArray(Class<?>[]::new);
    if (redirectsClientsItself(details) || Arrays.stream(interfaces).noneMatch(type -> gettersNameUpstream(details, type))) {
      return details;
    }
    return Proxy.newProxyInstance(details.getClass().getClassLoader(), interfaces, new Rewritten(details));
  }

  private boolean redirectsClientsItself(Object details) {
    return getters(details.getClass()).filter(getter -> SELF_REDIRECTING.contains(getter.getName()))
        .anyMatch(getter -> read(details, getter) != null);
  }

  private boolean namesUpstream(Object value, Class<?> declared) {
    return value != null && rewrite(value, declared) != value;
  }

  private boolean gettersNameUpstream(Object value, Class<?> type) {
    return getters(type).anyMatch(getter -> namesUpstream(read(value, getter), getter.getReturnType()));
  }

  private static boolean isSpringBootInterface(Class<?> type) {
    return type.isInterface() && type.getName().startsWith("org.springframework.boot.");
  }

  /** {@code value} with its upstream addresses rewritten; the same instance when it names none. */
  private Object rewrite(Object value, Class<?> declared) {
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return upstreams.rewrite(text).map(Object.class::cast).orElse(value);
    }
    if (value instanceof URI uri) {
      return upstreams.rewrite(uri.toString()).map(URI::create).map(Object.class::cast).orElse(value);
    }
    if (value instanceof List<?> list) {
      List<Object> rewritten = list.stream().map(element -> rewrite(element, Object.class)).toList();
      boolean changed = false;
      for (int i = 0; i < list.size(); i++) {
        changed |= rewritten.get(i) != list.get(i);
      }
      return changed ? rewritten : value;
    }
    if (value.getClass().getName().equals(MONGO_CONNECTION_STRING)) {
      return upstreams.rewrite(value.toString()).map(text -> construct(value.getClass(), text)).orElse(value);
    }
    if (isSpringBootInterface(declared)) {
      boolean names = hostPort(value, declared).isPresent() || gettersNameUpstream(value, declared);
      return names ? Proxy.newProxyInstance(declared.getClassLoader(), new Class<?>[] {declared}, new Rewritten(value))
          : value;
    }
    return value.getClass().isRecord() ? rewriteRecord(value) : value;
  }

  /** A record with host and port components, rebuilt with the proxy's. */
  private Object rewriteRecord(Object record) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] values = Arrays.stream(components).map(component -> read(record, component.getAccessor())).toArray();
    int host = indexOf(components, "host", "hostname");
    int port = indexOf(components, "port");
    if (host < 0 || port < 0 || !(values[host] instanceof String name) || !(values[port] instanceof Integer number)) {
      return record;
    }
    Optional<ProxyEndpoint> proxy = upstreams.proxyOf(name, number);
    if (proxy.isEmpty()) {
      return record;
    }
    values[host] = proxy.get().host();
    values[port] = proxy.get().port();
    Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    return construct(record.getClass(), types, values);
  }

  /** The proxy fronting the {@code getHost()}/{@code getPort()} pair of a Spring Boot interface value. */
  private Optional<ProxyEndpoint> hostPort(Object value, Class<?> declared) {
    if (!isSpringBootInterface(declared)) {
      return Optional.empty();
    }
    Optional<Method> host = getter(declared, "getHost");
    Optional<Method> port = getter(declared, "getPort");
    if (host.isEmpty() || port.isEmpty() || !(read(value, host.get()) instanceof String name)
        || !(read(value, port.get()) instanceof Integer number)) {
      return Optional.empty();
    }
    return upstreams.proxyOf(name, number);
  }

  private static int indexOf(RecordComponent[] components, String... names) {
    for (int i = 0; i < components.length; i++) {
      if (Arrays.asList(names).contains(components[i].getName())) {
        return i;
      }
    }
    return -1;
  }

  private static Stream<Method> getters(Class<?> type) {
    return Arrays.stream(type.getMethods()).filter(method -> method.getParameterCount() == 0
        && !Modifier.isStatic(method.getModifiers()) && method.getDeclaringClass() != Object.class
        && method.getReturnType() != void.class);
  }

  private static Optional<Method> getter(Class<?> type, String name) {
    return getters(type).filter(method -> method.getName().equals(name)).findFirst();
  }

  private static Object read(Object target, Method getter) {
    try {
      getter.setAccessible(true);
      return getter.invoke(target);
    } catch (InvocationTargetException e) {
      throw rethrown(e);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("chaos-spring-boot cannot read " + getter + " of " + target.getClass().getName()
          + ": " + e, e);
    }
  }

  private static Object construct(Class<?> type, String text) {
    return construct(type, new Class<?>[] {String.class}, new Object[] {text});
  }

  private static Object construct(Class<?> type, Class<?>[] parameterTypes, Object[] arguments) {
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
      constructor.setAccessible(true);
      return constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      throw rethrown(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("chaos-spring-boot cannot rebuild " + type.getName() + ": " + e, e);
    }
  }

  private static RuntimeException rethrown(InvocationTargetException e) {
    return e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
  }

  /** Answers as the original does, with upstream addresses rewritten. */
  private final class Rewritten implements InvocationHandler {

    private final Object original;

    Rewritten(Object original) {
      this.original = original;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "equals":
          if (method.getParameterCount() == 1 && method.getParameterTypes()[0] == Object.class) {
            return proxy == args[0];
          }
          break;
        case "hashCode":
          if (method.getParameterCount() == 0) {
            return System.identityHashCode(proxy);
          }
          break;
        case "toString":
          if (method.getParameterCount() == 0) {
            return original + " (through its chaos proxy)";
          }
          break;
        default:
          break;
      }
      Optional<ProxyEndpoint> endpoint = method.getParameterCount() == 0
          ? hostPort(original, method.getDeclaringClass()) : Optional.empty();
      if (endpoint.isPresent() && method.getName().equals("getHost")) {
        return endpoint.get().host();
      }
      if (endpoint.isPresent() && method.getName().equals("getPort")) {
        return endpoint.get().port();
      }
      Object result;
      try {
        method.setAccessible(true);
        result = method.invoke(original, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      return method.getParameterCount() == 0 ? rewrite(result, method.getReturnType()) : result;
    }
  }
}
