package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Overrides the expectation of the cells it selects. A cell is selected when its scenario is one of
 * {@link #scenario()} (all when empty) and its fault one of {@link #fault()} (all faulted cells when
 * empty; name the baseline column {@code "no fault"} explicitly). Two {@code @Expect} selecting the same
 * cell must agree, else the matrix fails to configure.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(Expect.List.class)
public @interface Expect {

  /** The scenarios selected; empty = all. */
  String[] scenario() default {};

  /** The faults selected; empty = every fault (not the baseline). */
  String[] fault() default {};

  /** The expected outcome. */
  Expectation value();

  /**
   * The time budget, e.g. {@code "500ms"}, {@code "5s"}, {@code "2m"} or ISO-8601 {@code "PT5S"}: for
   * {@code SUCCESS} and {@code ERROR} the outcome must come within it; for {@code HANG} the scenario must
   * not return within it. Empty = the matrix timeout.
   */
  String within() default "";

  /**
   * For {@link Expectation#CUSTOM}: the name of a method of the test class taking the cell's
   * {@code Outcome} and returning {@code boolean}.
   */
  String check() default "";

  /**
   * Declares that the selected cells' fault is not on their scenario's path (a health check that does not
   * touch the faulted service, say), so they are judged the other way round: such a cell passes only if
   * its expectation is met and the fault never fired, and fails if it fired (the scenario does reach the
   * service after all). Lets such scenarios share a matrix with scenarios that must meet the fault without
   * weakening the bypass check. Needs a backend that counts firings (the engine; not Toxiproxy).
   */
  boolean untouched() default false;

  /** Holds repeated {@link Expect} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @interface List {
    /** The repeated annotations. */
    Expect[] value();
  }
}
