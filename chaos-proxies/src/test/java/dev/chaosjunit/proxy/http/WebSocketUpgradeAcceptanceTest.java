package dev.chaosjunit.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDK WebSocket client against a Netty WebSocket echo server through the proxy: declining h2c
 * leaves the WebSocket upgrade alone: a rule delays the handshake, the 101 goes
 * through and frames flow both ways.
 */
class WebSocketUpgradeAcceptanceTest {

  static EventLoopGroup group;
  static Channel server;
  static ProxyEngine engine;

  @BeforeAll
  static void start() throws InterruptedException {
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                new WebSocketServerProtocolHandler("/ws"), new Echo());
          }
        })
        .bind("127.0.0.1", 0).sync().channel();
    engine = ProxyEngine.start();
  }

  @AfterAll
  static void stop() {
    engine.close();
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  static final class Echo extends SimpleChannelInboundHandler<TextWebSocketFrame> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
      ctx.writeAndFlush(new TextWebSocketFrame("echo:" + frame.text()));
    }
  }

  @Test
  void websocketUpgradeAndFramesPassWithARuleOnTheHandshake() throws Exception {
    int upstream = ((InetSocketAddress) server.localAddress()).getPort();
    Proxy relay = engine.create(ProxySpec.of("ws", "127.0.0.1:" + upstream).withProtocol("http"));
    try {
      relay.addRule(new Rule("slow", "", Direction.UPSTREAM, Map.of("path", "/ws"),
          new Action.Delay(Duration.ofMillis(50)), 1, 0, 0));
      CompletableFuture<String> reply = new CompletableFuture<>();
      WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + relay.listenAddress().getPort() + "/ws"), collect(reply))
          .get(5, TimeUnit.SECONDS);
      socket.sendText("hello", true).get(5, TimeUnit.SECONDS);
      assertThat(reply.get(5, TimeUnit.SECONDS)).isEqualTo("echo:hello");
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
      assertThat(relay.ruleCounters("slow").fired()).as("the handshake request was inspected").isEqualTo(1);
    } finally {
      engine.remove(relay.name());
    }
  }

  private static WebSocket.Listener collect(CompletableFuture<String> reply) {
    return new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        reply.complete(data.toString());
        webSocket.request(1);
        return null;
      }
    };
  }
}
