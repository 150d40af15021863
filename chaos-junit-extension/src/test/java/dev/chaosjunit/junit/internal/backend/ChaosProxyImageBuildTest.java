package dev.chaosjunit.junit.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectImageResponse;
import dev.chaosjunit.images.MissingImageException;
import dev.chaosjunit.junit.internal.ChaosConfig;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/** The Toxiproxy backend's image, built from the engine's server jar against the real Docker engine. */
class ChaosProxyImageBuildTest {

  static final Path JAR = Path.of(System.getProperty(ChaosConfig.PROXY_SERVER_JAR,
      "target/chaos-proxy/chaos-proxies-server.jar"));

  @Test
  void theImageCarriesTheJarsDigestAndIsBuiltOncePerJar() throws Exception {
    DockerImageName image = ChaosProxyImage.require(Optional.of(JAR));
    InspectImageResponse first = inspect(image);
    assertThat(first.getConfig().getLabels()).containsEntry(ChaosProxyImage.JAR_LABEL, sha256(JAR));
    assertThat(first.getConfig().getEntrypoint()).containsExactly("java", "-jar", "/app/server.jar", "--host",
        "0.0.0.0", "--port", "8474");

    ChaosProxyImage.require(Optional.of(JAR));
    assertThat(inspect(image).getId()).as("the same jar reuses the image").isEqualTo(first.getId());
  }

  @Test
  void aServerJarThatIsNoFileIsNamedWithTheFix() {
    assertThatThrownBy(() -> ChaosProxyImage.require(Optional.of(Path.of("target", "no-such-server.jar"))))
        .isInstanceOf(MissingImageException.class)
        .hasMessageContaining("-Dchaos.proxy.server-jar=[target/no-such-server.jar] is no file")
        .hasMessageContaining("chaos-proxies-<version>-server.jar");
  }

  private static InspectImageResponse inspect(DockerImageName image) {
    return DockerClientFactory.lazyClient().inspectImageCmd(image.asCanonicalNameString()).exec();
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      digest.update(in.readAllBytes());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
