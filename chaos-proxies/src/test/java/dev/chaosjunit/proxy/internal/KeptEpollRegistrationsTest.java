package dev.chaosjunit.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The case Netty 4.2's own epoll handler gets wrong (see {@link KeptEpollRegistrations}), on a plain Netty
 * channel: the peer half-closes, the channel reads that end and pauses reading (its interest becomes empty), then
 * writes more than the socket buffers hold, so the write needs {@code EPOLLOUT}.
 */
class KeptEpollRegistrationsTest {

  private static final int REPLY = 32 << 20;

  @Test
  void aWriteAfterThePeersHalfCloseArrivesWhole() throws Exception {
    assumeTrue(Epoll.isAvailable(), "epoll's native library runs on Linux only");
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, KeptEpollRegistrations.newFactory());
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> inputShut = new CompletableFuture<>();
      Channel channel = new Bootstrap().group(group).channel(EpollSocketChannel.class)
          .option(ChannelOption.AUTO_READ, false).option(ChannelOption.ALLOW_HALF_CLOSURE, true)
          .handler(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) {
              ctx.read();
            }

            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
              if (evt == ChannelInputShutdownEvent.INSTANCE) {
                inputShut.complete(null);
              }
            }
          })
          .connect(listener.getLocalSocketAddress()).sync().channel();
      try (Socket peer = listener.accept()) {
        peer.setSoTimeout(30_000);
        peer.shutdownOutput();
        inputShut.get(30, TimeUnit.SECONDS);

        channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[REPLY])).addListener(f -> channel.close());

        assertThat(bytesUntilEnd(peer.getInputStream())).as("bytes of the reply the peer received").isEqualTo(REPLY);
      }
    } finally {
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
    }
  }

  private static long bytesUntilEnd(InputStream in) throws Exception {
    byte[] buffer = new byte[256 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      total += n;
    }
    return total;
  }
}
