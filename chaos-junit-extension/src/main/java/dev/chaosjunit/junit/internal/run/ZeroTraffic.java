package dev.chaosjunit.junit.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.junit.ProxyEndpoint;
import dev.chaosjunit.junit.internal.ChaosConfig;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After a class: a {@code @Chaos} service whose proxy accepted no connection while the class's cells ran
 * was never tested, whatever the verdicts say, so the class fails naming the likely causes. Judged only
 * when cells ran, the backend counts connections, and no {@code chaos.cell} filter ran a subset.
 */
@API(status = INTERNAL, since = "0.1")
public final class ZeroTraffic {

  private ZeroTraffic() {}

  /** Throws an {@link AssertionError} naming every silent service of the class, if any. */
  public static void check(ExtensionContext classContext) {
    if (ChaosConfig.get(classContext, ChaosConfig.CELL).isPresent()) {
      return;
    }
    Topologies.started(classContext).filter(t -> t.cellsRun() > 0).ifPresent(proxies -> {
      Map<String, Long> accepted = proxies.backend().connectionsAccepted();
      List<ProxyEndpoint> silent = proxies.topology().proxies().stream()
          .filter(p -> accepted.getOrDefault(p.service(), 1L) == 0).toList();
      if (!silent.isEmpty()) {
        throw new AssertionError(message(classContext, silent, proxies.cellsRun()));
      }
    });
  }

  private static String message(ExtensionContext context, List<ProxyEndpoint> silent, int cells) {
    String services = String.join(", ", silent.stream().map(p -> p.service() + " (" + p.hostPort() + ")").toList());
    return "@Chaos service" + (silent.size() == 1 ? " [" : "s [") + services + "] carried no connection while "
        + cells + " cell" + (cells == 1 ? "" : "s") + " of " + context.getRequiredTestClass().getSimpleName()
        + " ran, so no fault on " + (silent.size() == 1 ? "it" : "them") + " was tested. Likely causes: the"
        + " application connects to the container directly (its address was taken from the container, e.g."
        + " getJdbcUrl() or getMappedPort(), instead of ChaosTopology.proxy(...)); Spring Boot's"
        + " @ServiceConnection points the application at the container; or the address was read before the"
        + " proxies started (put @ChaosTest on the class so they start before @BeforeAll, and read"
        + " ChaosTopology there)";
  }
}
