package dev.chaosjunit.proxy.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamFrame;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A REST/JSON server speaking HTTP/2 with prior knowledge only (h2c, no upgrade), for acceptance tests:
 * Netty's own HTTP/2 server stack in the test JVM (no server image here serves h2c). {@code GET
 * /orders/<id>} answers {@code 200} with a JSON body and the headers {@code content-type} and
 * {@code x-served-by}; anything else {@code 404}.
 */
final class H2cServer implements AutoCloseable {

  /** The paths of the requests the server answered, in order. */
  final List<String> served = new CopyOnWriteArrayList<>();
  /** The TCP connections accepted. */
  final AtomicInteger connections = new AtomicInteger();
  /** Answers kept back while {@link #holdAnswers()} is in force, sent by {@link #releaseAnswers()}. */
  private final List<Runnable> heldAnswers = new ArrayList<>();
  private boolean holding;
  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel listener;

  H2cServer() throws InterruptedException {
    listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            connections.incrementAndGet();
            ch.pipeline().addLast(Http2FrameCodecBuilder.forServer().build(), new Http2MultiplexHandler(
                new ChannelInitializer<>() {
                  @Override
                  protected void initChannel(Channel stream) {
                    stream.pipeline().addLast(new Request());
                  }
                }));
          }
        }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
  }

  InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  /** From now on the server reads requests but keeps its answers back until {@link #releaseAnswers()}. */
  synchronized void holdAnswers() {
    holding = true;
  }

  /** Sends the answers kept back, in the order their requests arrived, and answers at once from now on. */
  void releaseAnswers() {
    List<Runnable> answers;
    synchronized (this) {
      holding = false;
      answers = List.copyOf(heldAnswers);
      heldAnswers.clear();
    }
    answers.forEach(Runnable::run);
  }

  /** Waits until the server has read {@code count} requests in all, failing after ten seconds. */
  void awaitServed(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (served.size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the server read " + served.size() + " requests in 10 s, not " + count + ": " + served);
      }
      Thread.sleep(5);
    }
  }

  @Override
  public void close() throws InterruptedException {
    listener.close().sync();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
  }

  /** One stream: answers when its headers (a GET) arrive, or when released if answers are held. */
  private final class Request extends SimpleChannelInboundHandler<Http2StreamFrame> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Http2StreamFrame frame) {
      if (!(frame instanceof Http2HeadersFrame headers)) {
        return;
      }
      String path = String.valueOf(headers.headers().path());
      Runnable answer = () -> ctx.executor().execute(() -> answer(ctx, path));
      synchronized (H2cServer.this) {
        served.add(path);
        if (holding) {
          heldAnswers.add(answer);
          return;
        }
      }
      answer(ctx, path);
    }

    private void answer(ChannelHandlerContext ctx, String path) {
      boolean order = path.startsWith("/orders/");
      byte[] body = (order ? "{\"id\":\"" + path.substring(8) + "\",\"status\":\"open\"}" : "{\"error\":\"not found\"}")
          .getBytes(StandardCharsets.UTF_8);
      ctx.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status(order ? "200" : "404")
          .set("content-type", "application/json").set("x-served-by", "netty-h2c")));
      ctx.writeAndFlush(new DefaultHttp2DataFrame(ctx.alloc().buffer().writeBytes(body), true));
    }
  }
}
