package dev.chaosjunit.spring;

import dev.chaosjunit.junit.Chaos;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.util.ReflectionUtils;

/**
 * Registered in {@code META-INF/spring.factories} beside Spring Boot's
 * {@code ServiceConnectionContextCustomizerFactory}: a test class with {@link Chaos} fields gets a
 * context of its own whose connection details point at that class's proxies.
 */
class ChaosContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    return declaresChaosServices(testClass) ? new ChaosContextCustomizer(testClass) : null;
  }

  private static boolean declaresChaosServices(Class<?> testClass) {
    boolean[] found = {false};
    ReflectionUtils.doWithFields(testClass, field -> found[0] = true, field -> field.isAnnotationPresent(Chaos.class));
    return found[0];
  }
}
