package dev.chaosjunit.proxy.testkit;

import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.ProtocolInspector;
import dev.chaosjunit.proxy.rule.RuleSpec;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal inspecting TCP relay for acceptance tests, standing in for the proxy engine: one upstream
 * connection per client connection on the same event loop, every chunk handed to an
 * {@link InspectorSession}, rules shared by all connections and changeable while they are open.
 */
public final class TestRelay implements AutoCloseable {

  private final ProtocolInspector inspector;
  private final InetSocketAddress upstream;
  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final List<RuleSpec> rules = new CopyOnWriteArrayList<>();
  private final AtomicLong connections = new AtomicLong();
  private final Channel listener;

  public TestRelay(ProtocolInspector inspector, String host, int port) {
    this.inspector = inspector;
    this.upstream = new InetSocketAddress(host, port);
    this.listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.AUTO_READ, false)
        .childHandler(new Acceptor())
        .bind("127.0.0.1", 0).syncUninterruptibly().channel();
  }

  public int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  /** How many client connections the relay has accepted. */
  public long connectionCount() {
    return connections.get();
  }

  public void addRule(RuleSpec rule) {
    inspector.validate(rule);
    rules.add(rule);
  }

  public void removeRule(String name) {
    rules.removeIf(rule -> rule.name().equals(name));
  }

  private void accept(Channel client) {
    ConnectionInfo info = new ConnectionInfo("test", connections.incrementAndGet(), client.remoteAddress(), upstream);
    InspectorSession session = inspector.open(info);
    new Bootstrap().group(client.eventLoop()).channel(NioSocketChannel.class)
        .handler(new ChannelInboundHandlerAdapter())
        .connect(upstream).addListener(f -> {
          if (!f.isSuccess()) {
            client.close();
            return;
          }
          Channel server = ((io.netty.channel.ChannelFuture) f).channel();
          TestRelayPort port = new TestRelayPort(client, (SocketChannel) server, rules);
          server.pipeline().addLast(new Side(session, port, false));
          client.pipeline().addLast(new Side(session, port, true));
          client.config().setAutoRead(true);
        });
  }

  /** Opens the upstream connection and the session for each accepted client. */
  @ChannelHandler.Sharable
  private final class Acceptor extends ChannelInboundHandlerAdapter {
    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      accept(ctx.channel());
    }
  }

  /** Reads of one side handed to the session (or relayed raw after pass-through). */
  private static final class Side extends ChannelInboundHandlerAdapter {
    private final InspectorSession session;
    private final TestRelayPort port;
    private final boolean client;

    Side(InspectorSession session, TestRelayPort port, boolean client) {
      this.session = session;
      this.port = port;
      this.client = client;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      port.read((ByteBuf) msg, client, session);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      port.closedBy(client, session);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  @Override
  public void close() {
    listener.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }
}
