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
 * Declares a named fault, a column of fault matrices.
 *
 * <ul>
 *   <li>On a static field of type {@code Fault}, or a static no-argument method returning one: the fault
 *       is that value, named by {@link #name()} or else the member's name.
 *       {@code @FaultAssumption static Fault dbDown = Fault.on("db").refuseConnections();}</li>
 *   <li>On the test class (repeatable), for simple cases: {@link #name()} plus either an L4 toxic
 *       ({@link #on()}, {@link #toxic()}, {@link #params()}) or {@link #allOf()}, the names of other
 *       assumptions applied together.
 *       {@code @FaultAssumption(name = "dbSlow", on = "db", toxic = "latency", params = "latency=3000")}</li>
 * </ul>
 * Faults are declared in order: fields and methods in declaration order, then class annotations.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
@Repeatable(FaultAssumption.List.class)
public @interface FaultAssumption {

  /** The fault's name; defaults to the field or method name, required on a class. */
  String name() default "";

  /** Class form: the service the toxic targets. */
  String on() default "";

  /**
   * Class form: a Toxiproxy toxic type ({@code latency}, {@code bandwidth}, {@code slow_close},
   * {@code timeout}, {@code reset_peer}, {@code slicer}, {@code limit_data}) or {@code down} (refuse
   * connections).
   */
  String toxic() default "";

  /** Class form: the toxic's attributes as {@code name=value}, e.g. {@code "latency=3000"}. */
  String[] params() default {};

  /** Class form: the names of other assumptions applied together as one fault. */
  String[] allOf() default {};

  /** Holds repeated {@link FaultAssumption} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
  @interface List {
    /** The repeated annotations. */
    FaultAssumption[] value();
  }
}
