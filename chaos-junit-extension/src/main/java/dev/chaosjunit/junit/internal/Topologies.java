package dev.chaosjunit.junit.internal;

import org.junit.jupiter.api.extension.ExtensionContext;

/** Finds or starts the proxies of the test class, kept in the class's store until the class ends. */
public final class Topologies {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Topologies.class);

  private Topologies() {}

  /** The class's running proxies, started on first use. */
  public static TopologyResource obtain(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(TopologyResource.class,
        key -> TopologyResource.start(classContext.getRequiredTestClass(), Seeds.forClass(classContext),
            seed -> Backend.of(classContext).start(classContext, seed)), TopologyResource.class);
  }

  /** The class's scenario threads, started on first use. */
  public static ScenarioRunner runner(ExtensionContext context) {
    return classContext(context).getStore(NAMESPACE)
        .getOrComputeIfAbsent(ScenarioRunner.class, key -> new ScenarioRunner(), ScenarioRunner.class);
  }

  /** The seed of the class's proxies, without starting them. */
  public static long seed(ExtensionContext context) {
    return Seeds.forClass(classContext(context));
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }
}
