package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a method of the test class as a scenario: one thing the system under test does, whose outcome
 * a fault matrix observes. The method returns an observable value (or {@code void}) or throws; it may
 * declare no parameters or one {@code ChaosTopology} parameter.
 *
 * <p>A scenario is named by its method name unless {@link #value()} names it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Scenario {

  /** The scenario's name in cells and reports; the method name when empty. */
  String value() default "";
}
