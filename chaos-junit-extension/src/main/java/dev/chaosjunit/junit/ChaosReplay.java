package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Re-runs one cell by name and seed, outside any build tool, on the test classpath:
 * <pre>
 * java -cp &lt;test classpath&gt; dev.chaosjunit.junit.ChaosReplay com.acme.OrdersTest resilience 'createOrder × dbDown' 42
 * </pre>
 * It runs once under that seed (an iteration's printed seed replays that iteration, whatever the matrix's
 * {@code iterations}). Further arguments {@code key=value} are passed as configuration parameters. Exit code 0 when every
 * selected cell passed, 1 when one failed, 2 on bad arguments.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ChaosReplay {

  private ChaosReplay() {}

  /** Command line entry point. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    System.exit(run(args, out));
  }

  /** Runs the cell named by {@code args} (class, method, cell, seed, key=value...); returns the exit code. */
  public static int run(String[] args, PrintWriter out) {
    if (args.length < 4) {
      out.println("usage: ChaosReplay <test class> <method> '<scenario × fault>' <seed> [key=value...]");
      return 2;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("chaos.cell", args[2]);
    parameters.put("chaos.seed", args[3]);
    parameters.put("chaos.iterations", "1");
    Arrays.stream(args, 4, args.length).map(a -> a.split("=", 2)).filter(kv -> kv.length == 2)
        .forEach(kv -> parameters.put(kv[0], kv[1]));
    TestExecutionSummary summary = execute(request(args[0], args[1], parameters));
    summary.printTo(out);
    summary.printFailuresTo(out, 20);
    return summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() > 0 ? 0 : 1;
  }

  private static LauncherDiscoveryRequest request(String className, String methodName, Map<String, String> params) {
    return LauncherDiscoveryRequestBuilder.request()
        .selectors(selectMethod(testClass(className), method(testClass(className), methodName)))
        .configurationParameters(params).build();
  }

  private static TestExecutionSummary execute(LauncherDiscoveryRequest request) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request, listener);
    return listener.getSummary();
  }

  private static Class<?> testClass(String name) {
    try {
      return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("test class [" + name + "] is not on the classpath: pass its binary name, "
          + "e.g. com.acme.OrdersTest or com.acme.Outer$Inner", e);
    }
  }

  /** The method of that name, declared or inherited (the most specific one). */
  private static Method method(Class<?> type, String name) {
    return ReflectionSupport.findMethods(type, m -> m.getName().equals(name), HierarchyTraversalMode.BOTTOM_UP)
        .stream().findFirst().orElseThrow(() -> new IllegalArgumentException("[" + type.getName()
            + "] has no method [" + name + "]: pass the @FaultMatrix method's name"));
  }
}
