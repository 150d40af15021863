package dev.chaosjunit.junit.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongFunction;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Chooses the backend by the {@code chaos.backend} configuration parameter. */
final class Backends {

  private Backends() {}

  static LongFunction<FaultBackend> create(ExtensionContext context) {
    String name = ChaosConfig.get(context, ChaosConfig.BACKEND).orElse("engine");
    if (name.equals("engine")) {
      return EngineBackend::start;
    }
    if (name.equals("toxiproxy")) {
      Optional<Path> serverJar = ChaosConfig.get(context, ChaosConfig.PROXY_SERVER_JAR).map(Path::of);
      return seed -> ToxiproxyBackend.start(serverJar);
    }
    throw Misconfiguration.of("ChaosTest", context.getRequiredTestClass().getSimpleName(), "unknown backend ["
        + name + "] in -D" + ChaosConfig.BACKEND, "use engine (the in-JVM proxy engine) or toxiproxy (a Toxiproxy-compatible server in a container)");
  }
}
