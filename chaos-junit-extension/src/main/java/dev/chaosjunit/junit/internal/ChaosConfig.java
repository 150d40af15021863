package dev.chaosjunit.junit.internal;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The configuration parameters (also read from system properties, e.g. {@code -Dchaos.seed=42}). */
public final class ChaosConfig {

  /** Pins the run seed. */
  public static final String SEED = "chaos.seed";
  /** Runs only the named cells, e.g. {@code createOrder × dbDown}; others are skipped. */
  public static final String CELL = "chaos.cell";
  /** The default display name pattern of cells. */
  public static final String NAME_PATTERN = "chaos.matrix.name";
  /** Where reports go; {@code target/chaos-reports} by default. */
  public static final String REPORTS_DIR = "chaos.reports.dir";
  /** Which backend carries out faults: {@code engine} (default, in the test JVM). */
  public static final String BACKEND = "chaos.backend";
  /**
   * The standalone server jar (chaos-proxies' {@code -server.jar}) that the {@code toxiproxy} backend
   * builds its image from when Docker lacks it or has one built from another jar.
   */
  public static final String PROXY_SERVER_JAR = "chaos.proxy.server-jar";

  private ChaosConfig() {}

  static Optional<String> get(ExtensionContext context, String key) {
    return context.getConfigurationParameter(key).map(String::trim).filter(v -> !v.isEmpty());
  }

  static Path reportsDir(ExtensionContext context) {
    return Path.of(get(context, REPORTS_DIR).orElse("target/chaos-reports"));
  }
}
