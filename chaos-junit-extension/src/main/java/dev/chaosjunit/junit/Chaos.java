package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a static field as a chaos service: the extension starts a proxy in front of it and faults
 * name it by {@link #value()}. The field holds a Testcontainers container (fronted at {@link #port()},
 * its first exposed port by default; started if it is not running yet) or a
 * {@code java.net.InetSocketAddress} of a server the test runs itself.
 *
 * <p>A service whose proxy accepted no connection while the class's cells ran fails the class after
 * its last test: the application reached the service some other way, so no fault on it was tested.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@ExtendWith(TrafficCheckExtension.class)
public @interface Chaos {

  /** The service name that faults target, e.g. {@code "db"}. */
  String value();

  /** The protocol spoken, which decides the protocol rules allowed; guessed from the image by default. */
  ChaosProtocol protocol() default ChaosProtocol.AUTO;

  /** The container port to front; 0 = the first exposed port. Ignored for socket addresses. */
  int port() default 0;
}
