package dev.chaosjunit.spring;

import dev.chaosjunit.junit.ChaosTopology;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Replaces each {@link ConnectionDetails} bean that names the upstream of one of the test class's chaos
 * proxies (a {@code @ServiceConnection} container that is also a {@code @Chaos} service, or any other
 * details pointing at it) by the same details pointing at the proxy, on Spring Boot 3.x and 4.x alike
 * ({@link AddressRewriting}). Details of other services stay as they are.
 */
final class ProxiedConnectionDetails implements BeanPostProcessor {

  private final Class<?> testClass;

  ProxiedConnectionDetails(Class<?> testClass) {
    this.testClass = testClass;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof ConnectionDetails)) {
      return bean;
    }
    return new AddressRewriting(new Upstreams(topology())).proxied(bean, ConnectionDetails.class);
  }

  private ChaosTopology topology() {
    return ChaosTopology.running(testClass).orElseThrow(() -> new IllegalStateException("[" + testClass.getName()
        + "] declares @Chaos services, but their proxies are not running while Spring reads connection details: "
        + "annotate the class with @ChaosTest, which starts them before the test instance and its context"));
  }
}
