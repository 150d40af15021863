package dev.chaosjunit.proxy.grpc;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2StreamFrame;
import io.netty.util.AsciiString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A gRPC server that accepts the h2c upgrade, for acceptance tests: grpc-java's server speaks HTTP/2
 * with prior knowledge only (grpc-java issues 2228 and 3531), so this one is Netty's own HTTP/2 stack
 * ({@link CleartextHttp2ServerUpgradeHandler}: upgrade or prior knowledge) serving {@code shop.Orders}'s
 * unary {@code Place} and {@code List} by hand: length-prefixed UTF-8 messages, trailers with
 * {@code grpc-status}. Any other path (grpc-java's upgrade request is {@code GET /}) gets UNIMPLEMENTED.
 */
final class H2cUpgradeServer implements AutoCloseable {

  /** The paths of the requests the server answered, in order (the upgrade's request included). */
  final List<String> served = new CopyOnWriteArrayList<>();
  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel listener;

  H2cUpgradeServer() throws InterruptedException {
    listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            HttpServerCodec http1 = new HttpServerCodec();
            HttpServerUpgradeHandler upgrade = new HttpServerUpgradeHandler(http1, protocol ->
                AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)
                    ? new Http2ServerUpgradeCodec(Http2FrameCodecBuilder.forServer().build(), multiplex()) : null,
                65536);
            ch.pipeline().addLast(new CleartextHttp2ServerUpgradeHandler(http1, upgrade, new ChannelInitializer<>() {
              @Override
              protected void initChannel(Channel http2) {
                http2.pipeline().addLast(Http2FrameCodecBuilder.forServer().build(), multiplex());
              }
            }));
          }
        }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
  }

  InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  private Http2MultiplexHandler multiplex() {
    return new Http2MultiplexHandler(new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel stream) {
        stream.pipeline().addLast(new Call());
      }
    });
  }

  @Override
  public void close() throws InterruptedException {
    listener.close().sync();
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
  }

  /** One stream: collects the request, answers at its end. */
  private final class Call extends SimpleChannelInboundHandler<Http2StreamFrame> {
    private String path = "";
    private final ByteArrayOutputStream request = new ByteArrayOutputStream();

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Http2StreamFrame frame) throws IOException {
      boolean end = false;
      if (frame instanceof Http2HeadersFrame headers) {
        path = String.valueOf(headers.headers().path());
        end = headers.isEndStream();
      } else if (frame instanceof Http2DataFrame data) {
        ByteBuf content = data.content();
        content.getBytes(content.readerIndex(), request, content.readableBytes());
        end = data.isEndStream();
      }
      if (end) {
        served.add(path);
        answer(ctx);
      }
    }

    private void answer(ChannelHandlerContext ctx) {
      byte[] bytes = request.toByteArray();
      String message = bytes.length < 5 ? "" : new String(bytes, 5, bytes.length - 5, StandardCharsets.UTF_8);
      String reply = switch (path) {
        case "/shop.Orders/Place" -> "placed " + message;
        case "/shop.Orders/List" -> "orders of " + message;
        default -> null;
      };
      ctx.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")
          .set("content-type", "application/grpc")));
      if (reply != null) {
        byte[] out = reply.getBytes(StandardCharsets.UTF_8);
        ByteBuf body = ctx.alloc().buffer(5 + out.length).writeByte(0).writeInt(out.length).writeBytes(out);
        ctx.write(new DefaultHttp2DataFrame(body));
      }
      ctx.writeAndFlush(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers()
          .set("grpc-status", reply == null ? "12" : "0"), true));
    }
  }
}
