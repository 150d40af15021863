package dev.chaosjunit.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir
  Path dir;

  @Test
  void startsWithTheConfigsProxiesInPlaceAndTheSeedGiven() throws IOException {
    Path config = Files.writeString(dir.resolve("proxies.json"),
        "[{\"name\":\"redis\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:6379\"},"
            + "{\"name\":\"pg\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:5432\",\"enabled\":false}]");
    ServerOptions options = ServerOptions.parse(List.of("--port", "0", "--config", config.toString(), "--seed", "99"));
    try (RunningServer server = Main.start(options)) {
      assertThat(server.engine().seed()).isEqualTo(99);
      ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.admin().address().getPort());
      assertThat(client.getProxies()).extracting(Proxy::getName).containsExactlyInAnyOrder("redis", "pg");
      assertThat(client.getProxy("pg").isEnabled()).isFalse();
    }
  }

  @Test
  void aBadConfigNamesTheFileAndTheProblem() throws IOException {
    Path config = Files.writeString(dir.resolve("bad.json"), "[{\"name\":\"x\"}]");
    ServerOptions options = ServerOptions.parse(List.of("--port", "0", "--config", config.toString()));
    assertThatThrownBy(() -> Main.start(options)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--config " + config + ": missing required field: upstream at proxy 1");
  }

  @Test
  void aTakenPortFailsTheStartWithExitCode1() throws IOException, InterruptedException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ServerOptions options = ServerOptions.parse(List.of("--port", String.valueOf(taken.getLocalPort())));
      assertThat(Main.run(options, new PrintStream(new ByteArrayOutputStream()))).isEqualTo(1);
    }
  }

  @Test
  void printsUsageAndVersion() throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(Main.run(ServerOptions.parse(List.of("--help")), new PrintStream(out))).isZero();
    assertThat(out.toString()).startsWith("usage: java -jar chaos-proxies-<version>-server.jar");
  }
}
