package dev.chaosjunit.proxy.admin;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.chaosjunit.proxy.ProxyEngine;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Toxiproxy 2.x-compatible admin HTTP API for a {@link ProxyEngine}, so that toxiproxy-java and other
 * Toxiproxy clients drive the engine unchanged. Endpoints: {@code GET/POST /proxies}, {@code POST /populate},
 * {@code GET/POST/PATCH/DELETE /proxies/{p}}, {@code GET/POST /proxies/{p}/toxics},
 * {@code GET/POST/PATCH/DELETE /proxies/{p}/toxics/{t}}, {@code POST /reset}, {@code GET /version}; and the
 * extensions {@code GET/POST /proxies/{p}/rules}, {@code GET/DELETE /proxies/{p}/rules/{r}},
 * {@code GET /proxies/{p}/counters}, {@code GET /proxies/{p}/events}.
 *
 * <p>Requests are answered one at a time on a thread of their own, never on the proxies' event loops.
 * Closing the server leaves the engine running.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AdminServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

  private final EventLoopGroup group;
  private final ExecutorService executor;
  private final Channel channel;

  private AdminServer(ProxyEngine engine, InetSocketAddress address) {
    AdminRouter router = router(engine);
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    executor = Executors.newSingleThreadExecutor(r -> daemon(r, "chaos-admin"));
    channel = bind(router, address);
  }

  /**
   * Starts serving the API on {@code host:port} (port 0 = ephemeral; see {@link #address()}).
   *
   * @throws IllegalStateException when the address cannot be bound, naming it
   */
  public static AdminServer start(ProxyEngine engine, String host, int port) {
    return new AdminServer(engine, new InetSocketAddress(host, port));
  }

  /** Every endpoint of the API, on {@code engine}. */
  static AdminRouter router(ProxyEngine engine) {
    AdminRouter router = new AdminRouter();
    ProxyEndpoints proxies = new ProxyEndpoints(engine, version());
    proxies.install(router);
    new PopulateEndpoint(engine).install(router);
    new ToxicEndpoints(proxies).install(router);
    new RuleEndpoints(proxies).install(router);
    new EventEndpoint(engine, proxies).install(router);
    return router;
  }

  /** The address the API listens on, with the actual port. */
  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8474}. */
  public String url() {
    return "http://" + address().getHostString() + ":" + address().getPort();
  }

  /**
   * Creates or replaces proxies from a Toxiproxy config document (a JSON array of proxies), as
   * {@code POST /populate} does; the standalone server's {@code --config}.
   *
   * @throws IllegalArgumentException naming the problem when the document is malformed or a proxy fails
   */
  public static void populate(ProxyEngine engine, byte[] json) {
    AdminResponse answer;
    try {
      answer = new PopulateEndpoint(engine).populate(Json.parse(json));
    } catch (ApiException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (answer.status() >= 300) {
      throw new IllegalArgumentException(Json.parse(answer.body()).path("error").asText());
    }
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("admin requests still running after 5 s; abandoning them");
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      executor.shutdownNow();
    }
  }

  private Channel bind(AdminRouter router, InetSocketAddress address) {
    ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new BodyLimit(),
                new AdminHttpHandler(router, executor));
          }
        });
    ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      executor.shutdownNow();
      throw new IllegalStateException("cannot serve the admin API on " + address + ": " + bound.cause()
          + " (is another server, e.g. Toxiproxy, using the port? choose another one)", bound.cause());
    }
    LOG.info("Toxiproxy-compatible admin API listening on {}", bound.channel().localAddress());
    if (!address.getAddress().isLoopbackAddress()) {
      LOG.warn("the admin API listens on {}, which is not loopback: whoever reaches it can add faults to, move"
          + " and delete every proxy. Listen on 127.0.0.1 unless the server runs in a container whose port only"
          + " the tests can reach", bound.channel().localAddress());
    }
    return bound.channel();
  }

  private static String version() {
    String version = AdminServer.class.getPackage().getImplementationVersion();
    return version != null ? version : "0.1.0-SNAPSHOT";
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
