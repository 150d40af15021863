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
 * Excludes cells from a matrix. Excluded cells are still emitted (so every cell keeps its position and
 * unique ID) and reported as skipped with the {@link #reason()}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(ExcludeCell.List.class)
public @interface ExcludeCell {

  /** The scenarios excluded; empty = all. */
  String[] scenario() default {};

  /** The faults excluded; empty = all faults (not the baseline). */
  String[] fault() default {};

  /** Why, shown as the skip reason; required. */
  String reason();

  /** Holds repeated {@link ExcludeCell} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @interface List {
    /** The repeated annotations. */
    ExcludeCell[] value();
  }
}
