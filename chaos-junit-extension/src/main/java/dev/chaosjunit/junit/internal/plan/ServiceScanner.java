package dev.chaosjunit.junit.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosProtocol;
import dev.chaosjunit.junit.internal.Misconfiguration;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.ContainerState;

/** Finds the {@code @Chaos} static fields of a class and its superclasses, in declaration order. */
@API(status = INTERNAL, since = "0.1")
public final class ServiceScanner {

  private ServiceScanner() {}

  /** The declared services, superclass fields first. */
  public static List<ServiceDeclaration> scan(Class<?> testClass) {
    Map<String, ServiceDeclaration> byName = new LinkedHashMap<>();
    for (Class<?> type : Hierarchy.of(testClass)) {
      for (Field field : type.getDeclaredFields()) {
        Chaos chaos = field.getAnnotation(Chaos.class);
        if (chaos != null) {
          add(byName, declare(field, chaos));
        }
      }
    }
    return List.copyOf(byName.values());
  }

  private static void add(Map<String, ServiceDeclaration> byName, ServiceDeclaration service) {
    ServiceDeclaration previous = byName.putIfAbsent(service.name(), service);
    if (previous != null) {
      throw Misconfiguration.of("Chaos", service.field(), "service name [" + service.name()
          + "] is also used by field [" + previous.field() + "]", "give each @Chaos field its own name");
    }
  }

  private static ServiceDeclaration declare(Field field, Chaos chaos) {
    String element = field.getDeclaringClass().getSimpleName() + "." + field.getName();
    if (!Modifier.isStatic(field.getModifiers())) {
      throw Misconfiguration.of("Chaos", element, "the field is not static",
          "declare it static: proxies live as long as the test class");
    }
    if (chaos.value().isBlank()) {
      throw Misconfiguration.of("Chaos", element, "the service name is blank", "name it, e.g. @Chaos(\"db\")");
    }
    Object target = read(field, element);
    return new ServiceDeclaration(chaos.value(), protocol(chaos.protocol(), target), chaos.port(), target, element);
  }

  private static Object read(Field field, String element) {
    Object value = get(field, element);
    if (!(value instanceof ContainerState) && !(value instanceof InetSocketAddress)) {
      throw Misconfiguration.of("Chaos", element, "the field holds [" + value + "]",
          "assign it a Testcontainers container or an InetSocketAddress before the class runs");
    }
    return value;
  }

  private static Object get(Field field, String element) {
    try {
      field.setAccessible(true);
      return field.get(null);
    } catch (IllegalAccessException | RuntimeException e) {
      throw Misconfiguration.of("Chaos", element, "the field cannot be read: " + e, "make it accessible", e);
    }
  }

  private static ChaosProtocol protocol(ChaosProtocol declared, Object target) {
    if (declared != ChaosProtocol.AUTO) {
      return declared;
    }
    if (!(target instanceof Container<?> container)) {
      return ChaosProtocol.TCP;
    }
    return guess(container.getDockerImageName().toLowerCase(Locale.ROOT));
  }

  /** The protocol an image name suggests, {@link ChaosProtocol#TCP} when none does. */
  static ChaosProtocol guess(String image) {
    String[][] table = {{"postgres", "POSTGRES"}, {"mariadb", "MYSQL"}, {"mysql", "MYSQL"}, {"redis", "REDIS"},
        {"kafka", "KAFKA"}, {"rabbitmq", "AMQP"}, {"nats", "NATS"}, {"memcached", "MEMCACHED"},
        {"mongo", "MONGODB"}};
    for (String[] row : table) {
      if (image.contains(row[0])) {
        return ChaosProtocol.valueOf(row[1]);
      }
    }
    return ChaosProtocol.TCP;
  }
}
