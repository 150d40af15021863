package dev.chaosjunit.junit.internal.plan;

import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.Expectation;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.Outcome;
import dev.chaosjunit.junit.internal.Misconfiguration;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/** Resolves the expectation of each cell: overrides, then the matrix default; detects conflicts. */
final class ExpectationResolver {

  private final MatrixSpec spec;
  private final Class<?> testClass;

  ExpectationResolver(MatrixSpec spec, Class<?> testClass) {
    this.spec = spec;
    this.testClass = testClass;
  }

  CellExpectation resolve(String scenario, String fault) {
    List<ExpectRule> selecting = spec.overrides().stream().filter(r -> r.cells().selects(scenario, fault)).toList();
    for (ExpectRule other : selecting) {
      if (!other.sameAs(selecting.get(0))) {
        throw Misconfiguration.of("Expect", spec.element(), "cell [" + scenario + " × " + fault
            + "] has conflicting expectations " + selecting.get(0).source() + " and " + other.source(),
            "narrow the scenario or fault lists so that one @Expect selects each cell");
      }
    }
    if (!selecting.isEmpty()) {
      return toExpectation(selecting.get(0));
    }
    return fault.equals(FaultMatrix.NO_FAULT)
        ? new CellExpectation(Expectation.SUCCESS, Optional.empty(), Optional.empty(), false)
        : toExpectation(spec.defaultExpect());
  }

  private CellExpectation toExpectation(ExpectRule rule) {
    var within = DurationText.parse(rule.within(), "Expect", spec.element(), "within");
    return new CellExpectation(rule.value(), within, check(rule), rule.untouched());
  }

  private Optional<Method> check(ExpectRule rule) {
    boolean custom = rule.value() == Expectation.CUSTOM;
    if (custom == rule.check().isBlank()) {
      throw Misconfiguration.of("Expect", spec.element(), rule.source() + (custom ? " has no check method"
          : " names check [" + rule.check() + "] without value = CUSTOM"),
          "use value = CUSTOM together with check = \"<method taking Outcome or Cell, returning boolean>\"");
    }
    return custom ? Optional.of(findCheck(rule)) : Optional.empty();
  }

  private Method findCheck(ExpectRule rule) {
    for (Class<?> type : Hierarchy.of(testClass)) {
      for (Method method : type.getDeclaredMethods()) {
        if (method.getName().equals(rule.check()) && isPredicate(method)) {
          method.setAccessible(true);
          return method;
        }
      }
    }
    throw Misconfiguration.of("Expect", spec.element(), "check [" + rule.check() + "] names no method",
        "declare boolean " + rule.check() + "(Outcome outcome) or boolean " + rule.check() + "(Cell cell)");
  }

  private static boolean isPredicate(Method method) {
    Class<?>[] params = method.getParameterTypes();
    return method.getReturnType() == boolean.class && params.length == 1
        && (params[0] == Outcome.class || params[0] == Cell.class);
  }
}
