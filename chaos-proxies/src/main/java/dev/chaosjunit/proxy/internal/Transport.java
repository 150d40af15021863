package dev.chaosjunit.proxy.internal;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * NIO by default; native epoll with {@code -Dchaos.proxy.transport=epoll} where available.
 *
 * <p>Why not epoll by default: Netty 4.2.18/4.2.20's epoll registration removes a socket from the epoll
 * set once it has no interest left (input shut down by a half-close, nothing pending to write) but keeps
 * it marked as added, so the next write that needs EPOLLOUT fails with {@code epoll_ctl(..) failed: No
 * such file or directory}: a client that half-closes while a large reply is still streaming loses the
 * tail of the reply (reproduced by {@code BulkRelayTest}).
 */
final class Transport {

  static final String THREAD_PREFIX = "chaos-proxy-io";
  static final String PROPERTY = "chaos.proxy.transport";

  private Transport() {}

  /** Reads of up to 256 KiB, so bulk streams take fewer trips through the relay. */
  static RecvByteBufAllocator readSizes() {
    return new AdaptiveRecvByteBufAllocator(512, 16 * 1024, 256 * 1024);
  }

  /**
   * Unsent bytes a channel may buffer before it reports itself unwritable (high) and again writable (low):
   * a flow reads ahead only while its sink is writable, so this bounds each direction's memory.
   */
  static WriteBufferWaterMark writeBuffer() {
    return new WriteBufferWaterMark(64 * 1024, 256 * 1024);
  }

  static boolean nativeEpoll() {
    return "epoll".equalsIgnoreCase(System.getProperty(PROPERTY, "nio")) && Epoll.isAvailable();
  }

  static EventLoopGroup newGroup(int threads) {
    IoHandlerFactory io = nativeEpoll() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(THREAD_PREFIX, true), io);
  }

  static Class<? extends ServerChannel> serverChannel() {
    return nativeEpoll() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  static Class<? extends Channel> socketChannel() {
    return nativeEpoll() ? EpollSocketChannel.class : NioSocketChannel.class;
  }
}
