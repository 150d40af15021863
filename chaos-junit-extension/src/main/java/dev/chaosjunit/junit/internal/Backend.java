package dev.chaosjunit.junit.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Which backend carries out faults, chosen by {@code -Dchaos.backend}. */
enum Backend {
  /** The proxy engine in the test JVM (the default): toxics, refused connections and protocol rules. */
  ENGINE,
  /** A Toxiproxy-compatible server in a container, driven through Toxiproxy's API: L4 faults only. */
  TOXIPROXY;

  /** The configured backend; an unknown name fails the class at discovery. */
  static Backend of(ExtensionContext context) {
    String name = ChaosConfig.get(context, ChaosConfig.BACKEND).orElse("engine");
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Misconfiguration.of("ChaosTest", context.getRequiredTestClass().getSimpleName(), "unknown backend ["
          + name + "] in -D" + ChaosConfig.BACKEND, "use engine (the in-JVM proxy engine) or toxiproxy (a"
          + " Toxiproxy-compatible server in a container)", e);
    }
  }

  /** The name in {@code -Dchaos.backend}. */
  String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether it carries out protocol rules (Toxiproxy's API has none). */
  boolean carriesRules() {
    return this == ENGINE;
  }

  /** Starts the backend of a class with its seed. */
  FaultBackend start(ExtensionContext context, long seed) {
    if (this == ENGINE) {
      return EngineBackend.start(seed);
    }
    Optional<Path> serverJar = ChaosConfig.get(context, ChaosConfig.PROXY_SERVER_JAR).map(Path::of);
    return ToxiproxyBackend.start(serverJar);
  }
}
