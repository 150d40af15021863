package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A single cell: one scenario under one fault with one expectation, for tests that need no matrix.
 * Lifecycle, verdicts, failure messages and reports are those of {@link FaultMatrix}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@Execution(ExecutionMode.SAME_THREAD)
@ResourceLock(FaultMatrix.PROXIES_LOCK)
@ExtendWith({ChaosExtension.class, FaultMatrixExtension.class})
public @interface FaultScenario {

  /** The scenario's name. */
  String scenario();

  /** The fault's name, or {@link FaultMatrix#NO_FAULT}. */
  String fault();

  /** The expectation. */
  Expectation expect() default Expectation.SUCCESS;

  /** The time budget of the expectation, e.g. {@code "2s"}; empty = none. */
  String within() default "";

  /** For {@link Expectation#CUSTOM}: a method of the test class taking an {@link Outcome}, returning boolean. */
  String check() default "";

  /** Whether the cell fails as "fault bypassed" when the fault never fired. */
  boolean requireFiring() default true;

  /** How long the scenario may run before it counts as hung. */
  String timeout() default "10s";

  /** Pins the run seed (a long, as text); {@code -Dchaos.seed} still overrides it. */
  String seed() default "";

  /** A readiness probe polled before the cell, as {@link FaultMatrix#readiness()}; empty = none. */
  String readiness() default "";

  /** How long the {@link #readiness()} probe may take to succeed, e.g. {@code "10s"}. */
  String readinessTimeout() default "30s";
}
