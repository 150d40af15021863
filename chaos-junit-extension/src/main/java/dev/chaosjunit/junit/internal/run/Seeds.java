package dev.chaosjunit.junit.internal.run;

import static dev.chaosjunit.fault.SeedMath.hash;
import static dev.chaosjunit.fault.SeedMath.mix;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.FaultScenario;
import dev.chaosjunit.junit.internal.ChaosConfig;
import dev.chaosjunit.junit.internal.Misconfiguration;
import java.lang.reflect.Method;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The seed of a class's proxies: {@code -Dchaos.seed}, else {@code @ChaosTest(seed)}, else the seed
 * its matrices pin (they must agree; inherited ones count, overridden ones do not), else the run seed,
 * drawn once per run. Every seed written in an annotation is checked, even when {@code -Dchaos.seed}
 * overrides it. From the class's seed derive each iteration's seed, and from that each cell's.
 */
@API(status = INTERNAL, since = "0.1")
public final class Seeds {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Seeds.class);

  private Seeds() {}

  /** The seed of a cell's {@code iteration}-th run: the run seed for the first, derived from it for the others. */
  public static long forIteration(long runSeed, int iteration) {
    return iteration == 1 ? runSeed : mix(runSeed ^ mix(iteration));
  }

  static long forClass(ExtensionContext classContext) {
    Class<?> testClass = classContext.getRequiredTestClass();
    Optional<Long> classSeed = AnnotationSupport.findAnnotation(testClass, ChaosTest.class)
        .map(ChaosTest::seed).filter(s -> !s.isBlank()).map(s -> parse(s, "ChaosTest", testClass.getSimpleName()));
    Optional<Long> matrixSeed = pinnedByMatrices(testClass);
    return ChaosConfig.get(classContext, ChaosConfig.SEED).map(Seeds::configured)
        .or(() -> classSeed).or(() -> matrixSeed).orElseGet(() -> runSeed(classContext));
  }

  /**
   * The seed a cell's faults draw from: derived from the run (or iteration) seed and the cell's scenario
   * and fault names alone, so the cell decides the same in its matrix, alone, or in another order.
   */
  static long forCell(long seed, String scenario, String fault) {
    return mix(mix(mix(seed) ^ hash(scenario)) ^ hash(fault));
  }

  private static Optional<Long> pinnedByMatrices(Class<?> testClass) {
    Map<Long, String> pinned = new LinkedHashMap<>();
    for (Method method : ReflectionSupport.findMethods(testClass, m -> true, HierarchyTraversalMode.TOP_DOWN)) {
      String element = method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
      AnnotationSupport.findAnnotation(method, FaultMatrix.class).map(FaultMatrix::seed).filter(s -> !s.isBlank())
          .ifPresent(seed -> pinned.put(parse(seed, "FaultMatrix", element), element));
      AnnotationSupport.findAnnotation(method, FaultScenario.class).map(FaultScenario::seed).filter(s -> !s.isBlank())
          .ifPresent(seed -> pinned.put(parse(seed, "FaultScenario", element), element));
    }
    if (pinned.size() > 1) {
      throw Misconfiguration.of("FaultMatrix", testClass.getSimpleName(), "its matrices pin different seeds "
          + pinned, "the proxies of a class share one seed: pin it once with @ChaosTest(seed = \"...\")");
    }
    return pinned.keySet().stream().findFirst();
  }

  private static long runSeed(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent("run-seed", key -> new SecureRandom().nextLong(), Long.class);
  }

  private static long configured(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new ExtensionConfigurationException("-D" + ChaosConfig.SEED + "=[" + text + "] is not a long; pass a"
          + " whole number, e.g. -D" + ChaosConfig.SEED + "=42", e);
    }
  }

  private static long parse(String text, String source, String element) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw Misconfiguration.of(source, element, "seed [" + text + "] is not a long",
          "write a whole number, e.g. seed = \"42\"", e);
    }
  }
}
