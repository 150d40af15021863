package dev.chaosjunit.junit.internal.plan;

import dev.chaosjunit.junit.ExcludeCell;
import dev.chaosjunit.junit.Expect;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.FaultScenario;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.platform.commons.support.AnnotationSupport;

/** Reads a {@link MatrixSpec} from the annotations of a template method. */
final class MatrixSpecs {

  private MatrixSpecs() {}

  static MatrixSpec of(Method method) {
    String element = method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
    List<ExpectRule> overrides = AnnotationSupport.findRepeatableAnnotations(method, Expect.class).stream()
        .map(MatrixSpecs::rule).toList();
    List<ExcludeCell> excludes = AnnotationSupport.findRepeatableAnnotations(method, ExcludeCell.class);
    return AnnotationSupport.findAnnotation(method, FaultMatrix.class)
        .map(m -> matrix(m, element, overrides, excludes))
        .orElseGet(() -> single(AnnotationSupport.findAnnotation(method, FaultScenario.class).orElseThrow(), element,
            overrides, excludes));
  }

  private static MatrixSpec matrix(FaultMatrix m, String element, List<ExpectRule> overrides, List<ExcludeCell> excludes) {
    ExpectRule defaults = new ExpectRule(CellSelector.FAULTED, m.expect(), m.within(), m.check(), false,
        "@FaultMatrix(expect = " + m.expect() + ")");
    return new MatrixSpec("FaultMatrix", element, List.of(m.scenarios()), List.of(m.faults()), defaults, overrides,
        excludes, m.baseline(), m.requireFiring(), m.timeout(), m.name(), m.readiness(),
        m.readinessTimeout(), m.buggify(), List.of(m.coverage()), m.iterations());
  }

  private static MatrixSpec single(FaultScenario s, String element, List<ExpectRule> overrides,
      List<ExcludeCell> excludes) {
    boolean baseline = s.fault().equals(FaultMatrix.NO_FAULT);
    CellSelector cell = new CellSelector(Set.of(s.scenario()), Set.of(s.fault()));
    ExpectRule rule = new ExpectRule(cell, s.expect(), s.within(), s.check(), false,
        "@FaultScenario(expect = " + s.expect() + ")");
    List<ExpectRule> all = new java.util.ArrayList<>(overrides);
    all.add(0, rule);
    return new MatrixSpec("FaultScenario", element, List.of(s.scenario()), baseline ? List.of() : List.of(s.fault()),
        rule, all, excludes, baseline, s.requireFiring(), s.timeout(), "", s.readiness(), s.readinessTimeout(),
        false, List.of(), 1);
  }

  private static ExpectRule rule(Expect e) {
    return new ExpectRule(CellSelector.of(e.scenario(), e.fault()), e.value(), e.within(), e.check(), e.untouched(),
        "@Expect(scenario = " + Arrays.toString(e.scenario()) + ", fault = " + Arrays.toString(e.fault())
            + ", value = " + e.value() + ")");
  }
}
