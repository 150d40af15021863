package dev.chaosjunit.proxy.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

/** The inspector loads without kafka-clients (it is optional) and says what is missing, or too old, when used. */
class WithoutKafkaClientsTest {

  @Test
  void loadsWithoutKafkaClientsAndNamesTheMissingDependencyWhenUsed() throws Exception {
    ProtocolInspector inspector = inspectorWithoutKafkaClients();

    assertThat(inspector.name()).isEqualTo("kafka");
    assertThatThrownBy(() -> inspector.open(new ConnectionInfo("p", 1, null, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("org.apache.kafka:kafka-clients").hasMessageContaining("add it as a (test) dependency");
  }

  @Test
  void refusesKafkaClientsOlderThanFourNamingTheFix() {
    assertThatThrownBy(() -> KafkaClasspath.requireVersion("3.9.1")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kafka-clients 4.x").hasMessageContaining("has 3.9.1")
        .hasMessageContaining("ChaosProtocol.TCP");
    KafkaClasspath.requireVersion("4.1.2");
    KafkaClasspath.requireVersion("unknown");
    KafkaClasspath.require();
  }

  private static ProtocolInspector inspectorWithoutKafkaClients()
      throws ReflectiveOperationException, InvocationTargetException {
    ClassLoader hiding = new HidingLoader(WithoutKafkaClientsTest.class.getClassLoader());
    return (ProtocolInspector) hiding.loadClass(KafkaInspector.class.getName()).getConstructor().newInstance();
  }

  /** Defines this package's classes itself and pretends org.apache.kafka does not exist. */
  private static final class HidingLoader extends ClassLoader {
    private final ClassLoader real;

    HidingLoader(ClassLoader real) {
      super(real);
      this.real = real;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("org.apache.kafka.")) {
        throw new ClassNotFoundException(name);
      }
      if (!name.startsWith(KafkaInspector.class.getPackageName() + ".")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        return loaded != null ? loaded : define(name);
      }
    }

    private Class<?> define(String name) throws ClassNotFoundException {
      try (InputStream in = real.getResourceAsStream(name.replace('.', '/') + ".class")) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
