package dev.chaosjunit.spring;

import dev.chaosjunit.junit.ChaosTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.util.ClassUtils;

/**
 * Replaces each {@link ConnectionDetails} bean whose address is the upstream of one of the test class's
 * chaos proxies (a {@code @ServiceConnection} container that is also a {@code @Chaos} service, or any
 * other details pointing at it) by the same details pointing at the proxy. Details of other services
 * stay as they are.
 */
final class ProxiedConnectionDetails implements BeanPostProcessor {

  private final Class<?> testClass;
  private final List<Redirect<?>> redirects = new ArrayList<>();

  ProxiedConnectionDetails(Class<?> testClass) {
    this.testClass = testClass;
    add("org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails", JdbcRedirect::new);
    add("org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails", RedisRedirect::new);
    add("org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails", KafkaRedirect::new);
    add("org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails", RabbitRedirect::new);
    add("org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails", MongoRedirect::new);
  }

  private void add(String detailsType, Supplier<Redirect<?>> redirect) {
    if (ClassUtils.isPresent(detailsType, getClass().getClassLoader())) {
      redirects.add(redirect.get());
    }
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof ConnectionDetails details)) {
      return bean;
    }
    Upstreams upstreams = new Upstreams(topology());
    for (Redirect<?> redirect : redirects) {
      if (redirect.type.isInstance(details)) {
        return redirect.redirect(details, upstreams);
      }
    }
    return bean;
  }

  private ChaosTopology topology() {
    return ChaosTopology.running(testClass).orElseThrow(() -> new IllegalStateException("[" + testClass.getName()
        + "] declares @Chaos services, but their proxies are not running while Spring reads connection details: "
        + "annotate the class with @ChaosTest, which starts them before the test instance and its context"));
  }

  /** Points one kind of connection details at the proxies. */
  abstract static class Redirect<D extends ConnectionDetails> {

    private final Class<D> type;

    Redirect(Class<D> type) {
      this.type = type;
    }

    private ConnectionDetails redirect(ConnectionDetails details, Upstreams upstreams) {
      return apply(type.cast(details), upstreams);
    }

    /** The details pointing at the proxy whose upstream they name, or {@code details} when none. */
    abstract ConnectionDetails apply(D details, Upstreams upstreams);
  }
}
