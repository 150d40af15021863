package dev.chaosjunit.junit.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.Soak;
import dev.chaosjunit.junit.internal.Backend;
import dev.chaosjunit.junit.internal.ChaosConfig;
import dev.chaosjunit.junit.internal.backend.FaultBackend;
import dev.chaosjunit.junit.report.TimeRecord;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Finds or starts the proxies of the test class, kept in the class's store until the class ends.
 *
 * <p>While they run, they are also published by test class: a framework that builds the system under
 * test from the test class alone (Spring's test context, which sees no {@code ExtensionContext}) reads
 * them through {@link ChaosTopology#running(Class)}. The store owns them; the index only names them.
 */
@API(status = INTERNAL, since = "0.1")
public final class Topologies {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Topologies.class);

  private static final Map<Class<?>, ChaosTopology> RUNNING = new ConcurrentHashMap<>();

  private Topologies() {}

  /** The topology of a test class whose proxies are running. */
  public static Optional<ChaosTopology> running(Class<?> testClass) {
    return Optional.ofNullable(RUNNING.get(testClass));
  }

  /** The addresses of the class's proxies, which are started on first use. */
  public static ChaosTopology topology(ExtensionContext context) {
    return obtain(context).topology();
  }

  /** The class's running proxies, started on first use. */
  static TopologyResource obtain(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    ClassTime time = time(classContext);
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(TopologyResource.class,
        key -> publish(classContext.getRequiredTestClass(), TopologyResource.start(classContext.getRequiredTestClass(),
            Seeds.forClass(classContext), seed -> FaultBackend.start(Backend.of(classContext), serverJar(classContext), seed,
                classContext.getRequiredTestClass()), time)),
        TopologyResource.class);
  }

  /** Where the class's time goes, noted from the start of its proxies on. */
  static ClassTime time(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(ClassTime.class,
        key -> new ClassTime(classContext.getRequiredTestClass()), ClassTime.class);
  }

  /** Notes that a test of the class starts: the first one ends the application's start. */
  public static void testStarts(ExtensionContext context) {
    time(context).testStarts();
  }

  /** The class's time so far, with the cells of the matrix of {@code templateContext}. */
  public static TimeRecord matrixTime(ExtensionContext templateContext) {
    return time(templateContext).forMatrix(templateContext.getRequiredTestMethod().getName());
  }

  /** The class's proxies if they were started, without starting them. */
  static Optional<TopologyResource> started(ExtensionContext context) {
    return Optional.ofNullable(classContext(context).getStore(NAMESPACE).get(TopologyResource.class,
        TopologyResource.class));
  }

  private static TopologyResource publish(Class<?> testClass, TopologyResource resource) {
    RUNNING.put(testClass, resource.topology());
    return resource.onClose(() -> RUNNING.remove(testClass, resource.topology()));
  }

  /** Runs soaks through the class's proxies and containers, started on first use. */
  public static Soak soak(ExtensionContext context) {
    return new Soak(new SoakRunner(obtain(context).backend(), seed(context),
        context.getRequiredTestClass().getSimpleName(), context.getTestMethod().map(Method::getName).orElse("soak"),
        ChaosConfig.reportsDir(context)));
  }

  /** The class's scenario threads, started on first use. */
  static ScenarioRunner runner(ExtensionContext context) {
    return classContext(context).getStore(NAMESPACE)
        .getOrComputeIfAbsent(ScenarioRunner.class, key -> new ScenarioRunner(), ScenarioRunner.class);
  }

  /** The seed of the class's proxies, without starting them. */
  public static long seed(ExtensionContext context) {
    return Seeds.forClass(classContext(context));
  }

  private static Optional<Path> serverJar(ExtensionContext context) {
    return ChaosConfig.get(context, ChaosConfig.PROXY_SERVER_JAR).map(Path::of);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }
}
