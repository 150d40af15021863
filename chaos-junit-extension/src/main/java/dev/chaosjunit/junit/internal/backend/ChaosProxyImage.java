package dev.chaosjunit.junit.internal.backend;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.chaosjunit.images.Images;
import dev.chaosjunit.images.MissingImageException;
import dev.chaosjunit.junit.internal.ChaosConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

/**
 * The engine's container image for the Toxiproxy backend ({@link Images#chaosProxy()}), built on
 * demand. No registry publishes it, so nothing else can be relied on to have built it: given the
 * standalone server jar (chaos-proxies' {@code -server.jar}, configuration parameter
 * {@value ChaosConfig#PROXY_SERVER_JAR}), the image is built from that jar on {@link Images#jre()} unless Docker already
 * has one built from the same jar (its SHA-256 is a label of the image). Without a jar an existing
 * image is used as it is, and a missing one is an error that says how to provide the jar.
 */
final class ChaosProxyImage {

  private static final String SERVER_JAR = ChaosConfig.PROXY_SERVER_JAR;
  static final String JAR_LABEL = "dev.chaosjunit.server-jar.sha256";

  private static final Logger LOG = LoggerFactory.getLogger(ChaosProxyImage.class);

  private ChaosProxyImage() {}

  /** The image, built first when it is missing or was built from another jar. */
  static synchronized DockerImageName require(Optional<Path> serverJar) {
    DockerImageName image = Images.chaosProxy();
    Optional<String> builtFrom = labels(image).map(labels -> labels.getOrDefault(JAR_LABEL, "unknown"));
    if (serverJar.isEmpty()) {
      return builtFrom.map(label -> image).orElseThrow(() -> missing(image));
    }
    Path jar = existing(serverJar.get());
    String sha = sha256(jar);
    if (!builtFrom.equals(Optional.of(sha))) {
      build(image, jar, sha);
    }
    return image;
  }

  private static void build(DockerImageName image, Path jar, String sha) {
    long start = System.nanoTime();
    new ImageFromDockerfile(image.asCanonicalNameString(), false)
        .withDockerfileFromBuilder(dockerfile -> dockerfile.from(Images.jre().asCanonicalNameString())
            .copy("server.jar", "/app/server.jar")
            .label(JAR_LABEL, sha)
            .expose(8474)
            .entryPoint("java", "-jar", "/app/server.jar", "--host", "0.0.0.0", "--port", "8474")
            .build())
        .withFileFromPath("server.jar", jar)
        .get();
    LOG.info("built image {} from {} in {} ms", image.asCanonicalNameString(), jar,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** The image's labels, or empty when Docker does not have the image. */
  private static Optional<Map<String, String>> labels(DockerImageName image) {
    try {
      Map<String, String> labels = DockerClientFactory.lazyClient().inspectImageCmd(image.asCanonicalNameString())
          .exec().getConfig().getLabels();
      return Optional.of(labels == null ? Map.of() : labels);
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private static Path existing(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new MissingImageException("-D" + SERVER_JAR + "=[" + jar + "] is no file: point it at "
          + "chaos-proxies-<version>-server.jar (built by chaos-proxies' package phase)");
    }
    return jar;
  }

  private static MissingImageException missing(DockerImageName image) {
    return new MissingImageException("image " + image.asCanonicalNameString() + " (the engine as a "
        + "Toxiproxy-compatible server) is not there and there is no jar to build it from: set -D" + SERVER_JAR
        + "=<path of chaos-proxies-<version>-server.jar> (e.g. copied with mvn dependency:copy "
        + "-Dartifact=dev.chaosjunit:chaos-proxies:<version>:jar:server), or use -Dchaos.backend=engine");
  }

  private static String sha256(Path jar) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(jar), digest)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jar + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM lacks SHA-256", e);
    }
  }
}
