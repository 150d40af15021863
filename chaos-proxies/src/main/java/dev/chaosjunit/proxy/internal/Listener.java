package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.proxy.ProxyListenException;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A proxy's server socket (its own or a route's): binds, numbers connections in accept order (ids shared
 * by all listeners of a proxy), unbinds. Server channels live on the engine's acceptor loop, so a bind
 * may be awaited from a connection's event loop (a route opened while a response is rewritten).
 */
final class Listener {

  private static final int REBIND_RETRIES = 40;
  private static final long REBIND_PAUSE_MS = 50;

  private final DefaultProxy proxy;
  private final EventLoopGroup acceptors;
  private final EventLoopGroup group;
  private final AtomicLong ids;
  private final Target target;
  private Channel channel;

  Listener(DefaultProxy proxy, EventLoopGroup acceptors, EventLoopGroup group, AtomicLong ids, Target target) {
    this.proxy = proxy;
    this.acceptors = acceptors;
    this.group = group;
    this.ids = ids;
    this.target = target;
  }

  /** Binds to {@code address}, retrying a fixed port that is still held; returns the bound address. */
  synchronized InetSocketAddress bind(InetSocketAddress address) {
    return bind(address, REBIND_RETRIES);
  }

  /** Binds to {@code address} at once, without retries (for a caller on an event loop). */
  synchronized InetSocketAddress bindOnce(InetSocketAddress address) {
    return bind(address, 0);
  }

  private InetSocketAddress bind(InetSocketAddress address, int retries) {
    ChannelFuture bound = tryBind(address);
    for (int retry = 0; !bound.isSuccess() && address.getPort() != 0 && retry < retries; retry++) {
      pause();
      bound = tryBind(address);
    }
    if (!bound.isSuccess()) {
      throw listenFailed(address, bound.cause());
    }
    channel = bound.channel();
    return (InetSocketAddress) channel.localAddress();
  }

  private ChannelFuture tryBind(InetSocketAddress address) {
    ServerBootstrap b = new ServerBootstrap().group(acceptors, group).channel(proxy.transport().serverChannel())
        .option(ChannelOption.SO_REUSEADDR, true)
        .handler(new AcceptOrder())
        .childOption(ChannelOption.AUTO_READ, false)
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, Transport.writeBuffer())
        .childHandler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.config().setRecvByteBufAllocator(proxy.transport().readBatch());
            ch.pipeline().addLast(new RelayHandler(new Connection(proxy, ch.attr(DefaultProxy.ID).get(), ch, target), true));
          }
        });
    return b.bind(address).awaitUninterruptibly();
  }

  /**
   * A fixed port is retried for up to {@code REBIND_RETRIES x REBIND_PAUSE_MS} before the bind fails:
   * NIO frees a closed server socket's port only at its selector's next wake-up, so re-enabling a proxy
   * right after disabling it can find its own port still taken; and while a proxy is disabled a client's
   * outgoing connection can briefly hold the port (an ephemeral port, or a loopback self-connect).
   */
  private static void pause() {
    try {
      Thread.sleep(REBIND_PAUSE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Closes the server socket and returns once its port is free. NIO releases a closed server socket only
   * when its selector next processes cancelled keys, and a loop selects before it runs queued tasks: one
   * more task on it makes sure that happened, so new connections are refused from then on, not accepted
   * into a backlog that is reset later.
   */
  synchronized void unbind() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
      channel.eventLoop().submit(() -> { }).syncUninterruptibly();
      channel = null;
    }
  }

  private ProxyListenException listenFailed(InetSocketAddress address, Throwable cause) {
    String message = "proxy [" + proxy.name() + "]: cannot listen on " + address.getHostString() + ":"
        + address.getPort() + " (for upstream " + target.text() + "): " + cause.getMessage()
        + "; choose a free port (0 picks an ephemeral one) or remove the proxy holding it";
    IOException io = cause instanceof IOException e ? e : new IOException(cause);
    return new ProxyListenException(message, io);
  }

  /** Runs on the server channel before the acceptor, so ids follow accept order. */
  private final class AcceptOrder extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ((Channel) msg).attr(DefaultProxy.ID).set(ids.incrementAndGet());
      ctx.fireChannelRead(msg);
    }
  }
}
