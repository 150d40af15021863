package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a proxy (in the test JVM) in front of every {@code @Chaos} service of the class before
 * {@code @BeforeAll} methods run, and resolves {@link ChaosTopology} parameters, so the system under
 * test can be started against the proxies. Put it after {@code @Testcontainers}; containers not yet
 * running are started (and stopped after the class). Proxies live as long as the class.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(ChaosExtension.class)
public @interface ChaosTest {

  /** Pins the seed of the class's proxies (a long, as text); {@code -Dchaos.seed} still overrides it. */
  String seed() default "";
}
