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
import org.slf4j.Logger;
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
    Logger log = LoggerFactory.getLogger(Main.class);
    EngineOptions engineOptions = EngineOptions.defaults();
    engineOptions = options.seed().isPresent() ? engineOptions.withSeed(options.seed().getAsLong()) : engineOptions;
    ProxyEngine engine = ProxyEngine.start(engineOptions.withBindHost(options.host()));
    AdminServer admin;
    try {
      populate(engine, options);
      admin = AdminServer.start(engine, options.host(), options.port());
    } catch (RuntimeException | IOException e) {
      log.error("cannot start: {}", e.getMessage(), e);
      engine.close();
      return 1;
    }
    log.info("chaos-junit proxy server {} ready: API {}, seed {}", version(), admin.url(), engine.seed());
    awaitShutdown(admin, engine);
    return 0;
  }

  private static void populate(ProxyEngine engine, ServerOptions options) throws IOException {
    if (options.config() != null) {
      AdminServer.populate(engine, Files.readAllBytes(options.config()));
      LoggerFactory.getLogger(Main.class).info("populated proxies from {}", options.config());
    }
  }

  private static void awaitShutdown(AdminServer admin, ProxyEngine engine) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      admin.close();
      engine.close();
      stopped.countDown();
    }, "chaos-proxy-shutdown"));
    stopped.await();
  }

  private static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version != null ? version : "0.1.0-SNAPSHOT";
  }
}
