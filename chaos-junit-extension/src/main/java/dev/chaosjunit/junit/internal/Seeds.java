package dev.chaosjunit.junit.internal;

import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.FaultScenario;
import java.lang.reflect.Method;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The seed of a class's proxies: {@code -Dchaos.seed}, else {@code @ChaosTest(seed)}, else the seed
 * its matrices pin (they must agree), else the run seed, drawn once per run.
 */
final class Seeds {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Seeds.class);

  private Seeds() {}

  static long forClass(ExtensionContext classContext) {
    Optional<String> configured = ChaosConfig.get(classContext, ChaosConfig.SEED);
    if (configured.isPresent()) {
      return parse(configured.get(), "-D" + ChaosConfig.SEED, "the configuration parameter");
    }
    Class<?> testClass = classContext.getRequiredTestClass();
    Optional<String> classSeed = AnnotationSupport.findAnnotation(testClass, ChaosTest.class)
        .map(ChaosTest::seed).filter(s -> !s.isBlank());
    if (classSeed.isPresent()) {
      return parse(classSeed.get(), "@ChaosTest", testClass.getSimpleName());
    }
    return pinnedByMatrices(testClass).orElseGet(() -> runSeed(classContext));
  }

  private static Optional<Long> pinnedByMatrices(Class<?> testClass) {
    Map<Long, String> pinned = new LinkedHashMap<>();
    for (Method method : testClass.getDeclaredMethods()) {
      String seed = AnnotationSupport.findAnnotation(method, FaultMatrix.class).map(FaultMatrix::seed)
          .or(() -> AnnotationSupport.findAnnotation(method, FaultScenario.class).map(FaultScenario::seed))
          .orElse("");
      if (!seed.isBlank()) {
        pinned.put(parse(seed, "@FaultMatrix", method.getName() + "()"), method.getName() + "()");
      }
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

  private static long parse(String text, String annotation, String element) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw Misconfiguration.of(annotation.replace("@", ""), element, "seed [" + text + "] is not a long",
          "write a whole number, e.g. 42", e);
    }
  }
}
