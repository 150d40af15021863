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
 * Runs every {@code @Scenario} of the class under every {@code @FaultAssumption}: one test per cell,
 * scenarios outer and faults inner, in declaration order, each named {@code scenario × fault}.
 *
 * <p>Per cell the proxies are reset, the fault applied, the scenario run under a timeout, the fault
 * always reverted, and the outcome judged against the expectation ({@link #expect()} unless an
 * {@code @Expect} on the method overrides it). The method body then runs with the {@link Cell} for
 * extra checks. Cells excluded by {@code @ExcludeCell} or filtered by {@code -Dchaos.cell} are
 * reported as skipped, so each cell keeps its position and unique ID.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@Execution(ExecutionMode.SAME_THREAD)
@ResourceLock(FaultMatrix.PROXIES_LOCK)
@ExtendWith({ChaosExtension.class, FaultMatrixExtension.class})
public @interface FaultMatrix {

  /**
   * The lock every matrix holds while it runs (cells share the class's proxies, so they never run in
   * parallel with each other or with another matrix, even with JUnit's parallel execution on).
   */
  String PROXIES_LOCK = "dev.chaosjunit.proxies";

  /** The name of the fault-free baseline column. */
  String NO_FAULT = "no fault";

  /** The default display name pattern; placeholders {@code {scenario}}, {@code {fault}}, {@code {index}}, {@code {expect}}. */
  String DEFAULT_NAME = "{scenario} × {fault}";

  /** The scenarios (rows), by name; empty = every {@code @Scenario} of the class in declaration order. */
  String[] scenarios() default {};

  /** The faults (columns), by name; empty = every {@code @FaultAssumption} in declaration order. */
  String[] faults() default {};

  /** The expectation of every faulted cell no {@code @Expect} overrides. */
  Expectation expect() default Expectation.SUCCESS;

  /** The time budget of {@link #expect()}, e.g. {@code "2s"}; empty = none. */
  String within() default "";

  /** For {@code expect = CUSTOM}: a method of the test class taking an {@link Outcome}, returning boolean. */
  String check() default "";

  /** Whether a first column runs every scenario without any fault, expecting success. */
  boolean baseline() default true;

  /**
   * Whether a cell whose fault never fired fails as "fault bypassed" instead of passing: a fault that
   * the scenario never met proves nothing.
   */
  boolean requireFiring() default true;

  /** How long a scenario may run before it counts as hung, e.g. {@code "10s"}. */
  String timeout() default "10s";

  /** The display name pattern; empty = the configuration parameter {@code chaos.matrix.name} or {@link #DEFAULT_NAME}. */
  String name() default "";

  /** Pins the run seed (a long, as text); {@code -Dchaos.seed} still overrides it. Empty = random. */
  String seed() default "";

  /**
   * How many times each cell runs, each time under another seed derived from the run seed (the first
   * iteration under the run seed itself), each its own test named with its seed; {@code -Dchaos.iterations}
   * overrides it. At least 1.
   */
  int iterations() default 1;

  /**
   * A readiness probe: the name of a method of the test class, taking nothing or a {@link ChaosTopology}
   * and returning {@code boolean} (ready when {@code true}) or {@code void} (ready when it returns). It is
   * polled before each cell, after the previous cell's fault was reverted and before this cell's fault is
   * applied, until it succeeds; a cell whose probe does not succeed within {@link #readinessTimeout()}
   * errors with the probe's last failure. Empty = no probe.
   */
  String readiness() default "";

  /** How long the {@link #readiness()} probe may take to succeed before each cell, e.g. {@code "10s"}. */
  String readinessTimeout() default "30s";

  /**
   * Whether buggify runs at random in every cell, with FoundationDB's semantics: each site of the application
   * is active or not once per seed (25 %), and an active site fires with its probability at each reach, decided
   * by the seed, the cell, the site and the reach's ordinal in the cell. Off by default: then only a site a
   * cell's fault forces on ({@code Fault.buggify("site")}) fires. Only code running in the test JVM sees it.
   */
  boolean buggify() default false;

  /**
   * The classes whose packages (with their sub-packages) hold the assertions whose coverage this matrix judges:
   * their {@code Assert} calls are catalogued from the compiled classes before the run, and a last test after
   * the cells, {@code sometimes-assertions coverage}, fails listing every sometimes-assertion never true,
   * reachable one never reached and always-assertion never reached over the matrix's cells. Empty = no
   * coverage verdict (always/unreachable assertions still fail their cell).
   */
  Class<?>[] coverage() default {};
}
