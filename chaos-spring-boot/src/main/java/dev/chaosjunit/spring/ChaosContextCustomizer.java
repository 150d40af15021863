package dev.chaosjunit.spring;

import java.util.Objects;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds {@link ProxiedConnectionDetails} to the context of one test class. Part of Spring's context
 * cache key: proxies live as long as their test class, so a context pointing at them is never shared
 * with another class.
 */
final class ChaosContextCustomizer implements ContextCustomizer {

  private final Class<?> testClass;

  ChaosContextCustomizer(Class<?> testClass) {
    this.testClass = testClass;
  }

  @Override
  public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
    context.getBeanFactory().addBeanPostProcessor(new ProxiedConnectionDetails(testClass));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChaosContextCustomizer customizer && customizer.testClass == testClass;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ChaosContextCustomizer.class, testClass);
  }
}
