package dev.chaosjunit.junit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Which backend carries out faults, chosen by {@code -Dchaos.backend}. */
@API(status = INTERNAL, since = "0.1")
public enum Backend {
  /** The proxy engine in the test JVM (the default): toxics, refused connections and protocol rules. */
  ENGINE,
  /** A Toxiproxy-compatible server in a container, driven through Toxiproxy's API: L4 faults only. */
  TOXIPROXY;

  /** The configured backend; an unknown name fails the class at discovery. */
  public static Backend of(ExtensionContext context) {
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
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether it carries out protocol rules (Toxiproxy's API has none). */
  public boolean carriesRules() {
    return this == ENGINE;
  }

  /** Whether a cell's random decisions replay under its seed (Toxiproxy's API takes no seed). */
  public boolean replaysDraws() {
    return this == ENGINE;
  }
}
