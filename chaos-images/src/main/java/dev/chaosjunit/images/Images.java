package dev.chaosjunit.images;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;
import org.testcontainers.utility.DockerImageName;

/**
 * The one place that names container images.
 *
 * <p>By default each method returns the official image users run (e.g. {@code postgres:15}). When the
 * system property or environment variable {@code chaos.images} / {@code CHAOS_IMAGES} is {@code local},
 * it returns the image built on this machine by {@code .ci/images/build} (e.g.
 * {@code chaos-local/postgres:15}), declared a compatible substitute for the official one so that
 * Testcontainers' module classes accept it. Tests never hard-code an image name.
 *
 * <p>With local images selected, each method first checks that the local Docker engine answers and has
 * the image, and otherwise throws a {@link MissingImageException} saying what to run ({@code .ci/setup})
 * within about a second, instead of letting Testcontainers retry a pull from an unreachable registry.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Images {

  /** The property that selects local images. */
  public static final String PROPERTY = "chaos.images";

  /** The registry-less namespace of locally built images. */
  public static final String LOCAL_NAMESPACE = "chaos-local";

  private Images() {}

  /** PostgreSQL 15 (works with {@code PostgreSQLContainer}). */
  public static DockerImageName postgres() {
    return image("postgres", "postgres", "15");
  }

  /** MariaDB 10.11, also used for MySQL-protocol tests (works with {@code MariaDBContainer}). */
  public static DockerImageName mariadb() {
    return image("mariadb", "mariadb", "10.11");
  }

  /** Redis 7.0. */
  public static DockerImageName redis() {
    return image("redis", "redis", "7.0");
  }

  /** Apache Kafka 4.x in KRaft mode (works with {@code KafkaContainer}). */
  public static DockerImageName kafka() {
    return image("apache/kafka", "kafka", "4.3.1");
  }

  /** RabbitMQ 3 (works with {@code RabbitMQContainer}). */
  public static DockerImageName rabbitmq() {
    return image("rabbitmq", "rabbitmq", "3.10");
  }

  /** NATS server 2.9. */
  public static DockerImageName nats() {
    return image("nats", "nats", "2.9");
  }

  /** memcached 1.6. */
  public static DockerImageName memcached() {
    return image("memcached", "memcached", "1.6");
  }

  /** A Java 17 runtime, the base for images that run a JVM program (e.g. the proxy engine's server). */
  public static DockerImageName jre() {
    return image("eclipse-temurin", "jre", "17-jre");
  }

  /**
   * The chaos-junit proxy engine as a standalone server, a drop-in for Toxiproxy (works with
   * {@code ToxiproxyContainer}). There is no published image yet: it is always built locally, by the
   * extension's {@code toxiproxy} backend from the engine's server jar when Docker lacks it (see the
   * extension's {@code chaos.proxy.server-jar} parameter).
   */
  public static DockerImageName chaosProxy() {
    return DockerImageName.parse(LOCAL_NAMESPACE + "/chaos-proxy:latest")
        .asCompatibleSubstituteFor("ghcr.io/shopify/toxiproxy");
  }

  /** Whether local images are selected. */
  public static boolean local() {
    String value = System.getProperty(PROPERTY, System.getenv("CHAOS_IMAGES"));
    if (value == null || value.isBlank() || value.equalsIgnoreCase("official")) {
      return false;
    }
    if (value.equalsIgnoreCase("local")) {
      return true;
    }
    throw new IllegalStateException(
        "Unknown value [" + value + "] for " + PROPERTY + ": use [official] (Docker Hub images) or "
            + "[local] (images built by .ci/images/build).");
  }

  private static DockerImageName image(String official, String localName, String tag) {
    DockerImageName officialName = DockerImageName.parse(official + ":" + tag);
    if (!local()) {
      return officialName;
    }
    return LocalImageCheck.requireDefault(localName(official, localName, tag));
  }

  static DockerImageName localName(String official, String localName, String tag) {
    return DockerImageName.parse(LOCAL_NAMESPACE + "/" + localName.toLowerCase(Locale.ROOT) + ":" + tag)
        .asCompatibleSubstituteFor(official);
  }
}
