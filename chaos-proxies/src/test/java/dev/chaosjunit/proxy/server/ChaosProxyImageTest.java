package dev.chaosjunit.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.images.Images;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.toxiproxy.ToxiproxyContainer;

/**
 * The engine as a container image that Testcontainers' own {@link ToxiproxyContainer} accepts in place
 * of Toxiproxy, driven by toxiproxy-java in front of a real Redis, measured by a real Redis client.
 */
class ChaosProxyImageTest {

  /** The server's runtime class path, written by maven-dependency-plugin (see chaos-proxies/pom.xml). */
  private static final Path RUNTIME_CLASSPATH = Path.of("target", "runtime-classpath.txt");

  @Test
  void toxiproxyContainerRunsOurImageInFrontOfRedis() throws Exception {
    try (Network network = Network.newNetwork();
        ToxiproxyContainer toxiproxy = new ToxiproxyContainer(Images.chaosProxy()).withNetwork(network)) {
      relaysRedisWithToxics(network, toxiproxy);
      assertThat(toxiproxy.getLogs()).contains("protocols [").contains("kafka").contains("redis")
          .contains("proxy transport nio: the default");
    }
  }

  private static void relaysRedisWithToxics(Network network, ToxiproxyContainer toxiproxy) throws Exception {
    try (GenericContainer<?> redis = new GenericContainer<>(Images.redis()).withNetwork(network)
        .withNetworkAliases("redis").withExposedPorts(6379)) {
      redis.start();
      toxiproxy.start();
      ToxiproxyClient client = new ToxiproxyClient(toxiproxy.getHost(), toxiproxy.getControlPort());
      Proxy proxy = client.createProxy("redis", "0.0.0.0:8666", "redis:6379");
      RedisURI uri = RedisURI.create(toxiproxy.getHost(), toxiproxy.getMappedPort(8666));
      uri.setTimeout(Duration.ofSeconds(10));
      RedisClient lettuce = RedisClient.create(uri);
      try (StatefulRedisConnection<String, String> connection = lettuce.connect()) {
        RedisCommands<String, String> redisCommands = connection.sync();
        redisCommands.set("k", "v");
        assertThat(millis(() -> redisCommands.get("k"))).isLessThan(150);

        proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 300);
        assertThat(millis(() -> redisCommands.get("k"))).isBetween(280L, 3000L);

        proxy.toxics().get("slow").remove();
        assertThat(millis(() -> redisCommands.get("k"))).isLessThan(150);
      } finally {
        lettuce.shutdown();
      }
    }
  }

  private static long millis(Runnable command) {
    long start = System.nanoTime();
    command.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * Builds the image from target/classes and the runtime class path: jars go to /app/lib; a class directory
   * (a reactor module such as chaos-faults when Maven runs only to the test phase) is copied as it is.
   */
  @BeforeAll
  static void buildImage() throws Exception {
    ImageFromDockerfile image = new ImageFromDockerfile(Images.chaosProxy().asCanonicalNameString(), false);
    List<String> classPath = new ArrayList<>(List.of("/app/classes", "/app/lib/*"));
    image.withFileFromPath("app/classes", Path.of("target", "classes"));
    String[] entries = Files.readString(RUNTIME_CLASSPATH).trim().split(File.pathSeparator);
    for (int i = 0; i < entries.length; i++) {
      Path path = Path.of(entries[i]);
      String copy = Files.isDirectory(path) ? "app/modules/" + i : "app/lib/" + path.getFileName();
      image.withFileFromPath(copy, path);
      if (Files.isDirectory(path)) {
        classPath.add("/" + copy);
      }
    }
    image.withDockerfileFromBuilder(dockerfile -> dockerfile.from(Images.jre().asCanonicalNameString())
        .copy("app", "/app")
        .expose(8474)
        .entryPoint("java", "-cp", String.join(":", classPath), Main.class.getName(), "--host", "0.0.0.0",
            "--port", "8474")
        .build());
    image.get();
  }
}
