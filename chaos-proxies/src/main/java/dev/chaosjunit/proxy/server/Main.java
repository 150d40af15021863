package dev.chaosjunit.proxy.server;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.proxy.EngineOptions;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.admin.AdminServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.apiguardian.api.API;
import org.slf4j.LoggerFactory;

/**
 * The standalone server, a drop-in for a Toxiproxy server:
 * {@code java -jar chaos-proxies-<version>-server.jar [--host 127.0.0.1] [--port 8474] [--config proxies.json] [--seed N]}.
 * Runs until killed (SIGTERM/SIGINT close every proxy and port).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Main {

  private Main() {}

  /** Runs the server; exits with 2 on a bad command line, 1 when it cannot start. */
  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "dev/chaosjunit/proxy/server/logback-server.xml");
    }
    ServerOptions options;
    try {
      options = ServerOptions.parse(Arrays.asList(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(run(options, System.out));
  }

  static int run(ServerOptions options, PrintStream out) throws InterruptedException {
    if (options.help() || options.version()) {
      out.println(options.help() ? ServerOptions.USAGE : version());
      return 0;
    }
    RunningServer server;
    try {
      server = start(options);
    } catch (RuntimeException | IOException e) {
      LoggerFactory.getLogger(Main.class).error("cannot start: {}", e.getMessage(), e);
      return 1;
    }
    awaitShutdown(server);
    return 0;
  }

  /** Starts the engine, creates the {@code --config} proxies, then opens the API (so they exist once it answers). */
  static RunningServer start(ServerOptions options) throws IOException {
    EngineOptions engineOptions = EngineOptions.defaults().withBindHost(options.host());
    if (options.seed().isPresent()) {
      engineOptions = engineOptions.withSeed(options.seed().getAsLong());
    }
    ProxyEngine engine = ProxyEngine.start(engineOptions);
    try {
      populate(engine, options);
      AdminServer admin = AdminServer.start(engine, options.host(), options.port());
      LoggerFactory.getLogger(Main.class).info("chaos-junit proxy server {} ready: API {}, seed {}", version(),
          admin.url(), engine.seed());
      return new RunningServer(engine, admin);
    } catch (RuntimeException | IOException e) {
      engine.close();
      throw e;
    }
  }

  private static void populate(ProxyEngine engine, ServerOptions options) throws IOException {
    if (options.config() != null) {
      try {
        AdminServer.populate(engine, Files.readAllBytes(options.config()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--config " + options.config() + ": " + e.getMessage(), e);
      }
      LoggerFactory.getLogger(Main.class).info("populated proxies from {}", options.config());
    }
  }

  private static void awaitShutdown(RunningServer server) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "chaos-proxy-shutdown"));
    stopped.await();
  }

  private static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version != null ? version : "0.1.0-SNAPSHOT";
  }
}
