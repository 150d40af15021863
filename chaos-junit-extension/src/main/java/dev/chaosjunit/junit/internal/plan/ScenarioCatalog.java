package dev.chaosjunit.junit.internal.plan;

import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.junit.internal.Misconfiguration;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the {@code @Scenario} methods of a class, superclass first, each in declaration order. */
final class ScenarioCatalog {

  private ScenarioCatalog() {}

  static List<ScenarioDef> scan(Class<?> testClass) {
    Map<String, ScenarioDef> byName = new LinkedHashMap<>();
    for (Class<?> type : Hierarchy.of(testClass)) {
      for (Method method : DeclarationOrder.methods(type)) {
        Scenario scenario = method.getAnnotation(Scenario.class);
        if (scenario != null) {
          add(byName, define(method, scenario));
        }
      }
    }
    return List.copyOf(byName.values());
  }

  private static ScenarioDef define(Method method, Scenario scenario) {
    String element = method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
    for (Class<?> type : method.getParameterTypes()) {
      if (type != ChaosTopology.class) {
        throw Misconfiguration.of("Scenario", element, "parameter of type [" + type.getName()
            + "] cannot be resolved", "declare no parameters, or one of type ChaosTopology");
      }
    }
    method.setAccessible(true);
    return new ScenarioDef(scenario.value().isBlank() ? method.getName() : scenario.value(), method);
  }

  private static void add(Map<String, ScenarioDef> byName, ScenarioDef scenario) {
    ScenarioDef previous = byName.putIfAbsent(scenario.name(), scenario);
    if (previous != null) {
      throw Misconfiguration.of("Scenario", scenario.method().getName() + "()", "the name [" + scenario.name()
          + "] is taken by [" + previous.method().getName() + "()]", "give each scenario its own name");
    }
  }
}
