package dev.chaosjunit.bench;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** socat as a plain TCP relay: the reference for what "a proxy" costs. */
final class SocatRoute implements Route {

  @Override
  public String name() {
    return "socat";
  }

  @Override
  public boolean available() {
    return executable() != null;
  }

  @Override
  public String unavailableReason() {
    return "socat is not installed (apt-get install -y socat; chaos-benchmarks/run does it for you)";
  }

  @Override
  public Fronted front(InetSocketAddress upstream, String protocol) throws Exception {
    int port = Ports.free();
    Process process = new ProcessBuilder(executable().toString(),
        "TCP-LISTEN:" + port + ",bind=127.0.0.1,fork,reuseaddr,nodelay",
        "TCP:" + upstream.getHostString() + ":" + upstream.getPort() + ",nodelay")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
    RedisServer.awaitListening(address, Duration.ofSeconds(10));
    return Route.fronted(address, () -> {
      process.destroy();
      process.waitFor(5, TimeUnit.SECONDS);
    });
  }

  private static Path executable() {
    return RedisServer.onPath("socat");
  }
}
