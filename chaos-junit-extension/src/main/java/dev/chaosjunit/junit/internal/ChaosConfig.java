package dev.chaosjunit.junit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.images.Images;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The configuration parameters (also read from system properties, e.g. {@code -Dchaos.seed=42}). */
@API(status = INTERNAL, since = "0.1")
public final class ChaosConfig {

  /** Pins the run seed. */
  public static final String SEED = "chaos.seed";
  /** Runs each cell this many times, each under its own seed; overrides {@code @FaultMatrix(iterations)}. */
  public static final String ITERATIONS = "chaos.iterations";
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
  /** The order cells run in: {@code declaration} (default) or {@code random} (shuffled by the run seed). */
  public static final String ORDER = "chaos.order";
  /**
   * How cells are kept apart: {@code reset} (default: every proxy is reset before each cell) or {@code check}
   * (also, after each cell, a sentinel proves the proxies and containers are back at their baseline).
   */
  public static final String ISOLATION = "chaos.isolation";

  /** The settings a re-run passes on besides the cell and seed: these, and any {@code chaos.*} system property. */
  private static final List<String> SETTINGS = List.of(NAME_PATTERN, REPORTS_DIR, BACKEND, PROXY_SERVER_JAR,
      ORDER, ISOLATION, Images.PROPERTY);

  private ChaosConfig() {}

  /** A setting, trimmed; empty when it is not set or blank. */
  public static Optional<String> get(ExtensionContext context, String key) {
    return context.getConfigurationParameter(key).map(String::trim).filter(v -> !v.isEmpty());
  }

  /**
   * A setting naming a constant of {@code type} in any case, {@code fallback} when it is not set; an unknown
   * name fails with {@code -Dkey=[name] is no <what>; <fix>}.
   */
  public static <E extends Enum<E>> E choice(ExtensionContext context, String key, Class<E> type, E fallback,
      String what, String fix) {
    String name = get(context, key).orElse(fallback.name());
    try {
      return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("-D" + key + "=[" + name + "] is no " + what + "; " + fix, e);
    }
  }

  /** Every {@code chaos.*} setting of this run but the cell and seed, by name, as a re-run must repeat them. */
  public static SortedMap<String, String> passedOn(ExtensionContext context) {
    SortedSet<String> keys = new TreeSet<>(SETTINGS);
    System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("chaos.")).forEach(keys::add);
    keys.removeAll(Set.of(CELL, SEED));
    SortedMap<String, String> settings = new TreeMap<>();
    keys.forEach(key -> context.getConfigurationParameter(key).ifPresent(value -> settings.put(key, value)));
    return settings;
  }

  /** Where reports go. */
  public static Path reportsDir(ExtensionContext context) {
    return Path.of(get(context, REPORTS_DIR).orElse("target/chaos-reports"));
  }
}
