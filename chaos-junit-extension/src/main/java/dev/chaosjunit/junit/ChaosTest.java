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

  /** {@link #proxyHost()}: the gateway of Docker's default bridge network, an address of this machine. */
  String DOCKER_BRIDGE = "docker-bridge";

  /** Pins the seed of the class's proxies (a long, as text); {@code -Dchaos.seed} still overrides it. */
  String seed() default "";

  /**
   * The address the class's proxies listen on, which every {@link ProxyEndpoint} helper names
   * ({@code hostPort()}, {@code jdbcUrl()}, {@code bootstrapServers()}, Kafka's advertised brokers):
   * {@code 127.0.0.1} (the default: only the test JVM and host processes reach the proxies), an IP
   * address of this machine, or {@link #DOCKER_BRIDGE}, for a service under test that runs in a container:
   * the Docker bridge gateway (e.g. {@code 172.17.0.1}) is reachable from the test JVM and from containers
   * on the default bridge network alike, with no registry image and no host networking. Linux only: with
   * Docker Desktop the gateway lives in its VM, which is reported as an error when the proxies start.
   */
  String proxyHost() default "";
}
